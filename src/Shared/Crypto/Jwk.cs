using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Identity.Shared.Encoding;

namespace Identity.Shared.Crypto;

/// <summary>
/// A JSON Web Key (RFC 7517) of the kinds this product signs with: EC secp256k1, EC P-256 and OKP Ed25519
/// (RFC 8037), public or with the private member <c>d</c>. Immutable; <see cref="ToString"/> never shows <c>d</c>.
/// </summary>
public sealed class Jwk
{
    private Jwk(string kty, string crv, string x, string? y, string? d, string? kid)
    {
        Kty = kty;
        Crv = crv;
        X = x;
        Y = y;
        D = d;
        Kid = kid;
    }

    /// <summary>Key type: <c>EC</c> or <c>OKP</c>.</summary>
    public string Kty { get; }

    /// <summary>Curve: <c>secp256k1</c>, <c>P-256</c> or <c>Ed25519</c>.</summary>
    public string Crv { get; }

    /// <summary>base64url x coordinate (or the Ed25519 public key).</summary>
    public string X { get; }

    /// <summary>base64url y coordinate of an EC key; null for OKP.</summary>
    public string? Y { get; }

    /// <summary>base64url private member, when present.</summary>
    public string? D { get; }

    /// <summary>Optional key id.</summary>
    public string? Kid { get; }

    /// <summary>Whether the private member is present.</summary>
    public bool HasPrivateKey => D is not null;

    /// <summary>The key type this JWK describes.</summary>
    public KeyType KeyType => Crv switch
    {
        "secp256k1" => KeyType.Secp256k1,
        "P-256" => KeyType.P256,
        _ => KeyType.Ed25519,
    };

    /// <summary>The public JWK of <paramref name="key"/>.</summary>
    public static Jwk FromPublicKey(PublicKey key, string? kid = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Type switch
        {
            KeyType.Ed25519 => new Jwk("OKP", "Ed25519", Base64UrlStrict.Encode(key.Bytes), null, null, kid),
            _ => new Jwk("EC", key.Type == KeyType.Secp256k1 ? "secp256k1" : "P-256", Base64UrlStrict.Encode(key.Bytes.Slice(1, 32)), Base64UrlStrict.Encode(key.Bytes.Slice(33, 32)), null, kid),
        };
    }

    /// <summary>The private JWK of <paramref name="key"/> (includes <c>d</c>).</summary>
    public static Jwk FromPrivateKey(PrivateKey key, string? kid = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var publicJwk = FromPublicKey(key.PublicKey, kid);
        var secret = key.ExportRaw();
        try
        {
            return new Jwk(publicJwk.Kty, publicJwk.Crv, publicJwk.X, publicJwk.Y, Base64UrlStrict.Encode(secret), kid);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>Parses a JWK from JSON text; <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string json, [NotNullWhen(true)] out Jwk? jwk, [NotNullWhen(false)] out string? error)
    {
        jwk = null;
        try
        {
            // A key file or header with "x" twice would mean different keys to different parsers: refuse it.
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8, AllowDuplicateProperties = false });
            return TryParse(document.RootElement, out jwk, out error);
        }
        catch (JsonException)
        {
            error = "The JWK is not valid JSON.";
            return false;
        }
    }

    /// <summary>
    /// Parses a JWK object. Checks member types, the curve, the coordinate lengths and that the point is on the
    /// curve (and that <c>d</c> matches it), so that a parsed JWK always yields a usable key.
    /// </summary>
    public static bool TryParse(JsonElement element, [NotNullWhen(true)] out Jwk? jwk, [NotNullWhen(false)] out string? error)
    {
        jwk = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "A JWK must be a JSON object.";
            return false;
        }

        if (!TryGetString(element, "kty", out var kty, out error) || !TryGetString(element, "crv", out var crv, out error) ||
            !TryGetString(element, "x", out var x, out error) || !TryGetOptionalString(element, "y", out var y, out error) ||
            !TryGetOptionalString(element, "d", out var d, out error) || !TryGetOptionalString(element, "kid", out var kid, out error))
        {
            return false;
        }

        var expectedKty = crv switch
        {
            "secp256k1" or "P-256" => "EC",
            "Ed25519" => "OKP",
            _ => null,
        };
        if (expectedKty is null)
        {
            error = $"Unsupported JWK curve; expected secp256k1, P-256 or Ed25519.";
            return false;
        }

        if (kty != expectedKty)
        {
            error = $"A {crv} JWK must have kty {expectedKty}.";
            return false;
        }

        if ((expectedKty == "EC") != (y is not null))
        {
            error = expectedKty == "EC" ? "An EC JWK needs y." : "An OKP JWK has no y.";
            return false;
        }

        var candidate = new Jwk(kty, crv, x, y, d, kid);
        if (!candidate.TryGetPublicKey(out var publicKey))
        {
            error = "The JWK's public key is malformed or not on the curve.";
            return false;
        }

        if (d is not null)
        {
            if (!candidate.TryGetPrivateKey(out var privateKey))
            {
                error = "The JWK's private member d is malformed.";
                return false;
            }

            using (privateKey)
            {
                if (!privateKey.PublicKey.Equals(publicKey))
                {
                    error = "The JWK's private member d does not match its public key.";
                    return false;
                }
            }
        }

        jwk = candidate;
        return true;
    }

    /// <summary>The public key this JWK describes.</summary>
    public bool TryGetPublicKey([NotNullWhen(true)] out PublicKey? key)
    {
        key = null;
        if (!Base64UrlStrict.TryDecode(X, out var x) || x.Length != 32)
        {
            return false;
        }

        if (KeyType == KeyType.Ed25519)
        {
            return PublicKey.TryImport(KeyType.Ed25519, x, out key);
        }

        if (Y is null || !Base64UrlStrict.TryDecode(Y, out var y) || y.Length != 32)
        {
            return false;
        }

        var point = new byte[65];
        point[0] = 0x04;
        x.CopyTo(point, 1);
        y.CopyTo(point, 33);
        return PublicKey.TryImport(KeyType, point, out key);
    }

    /// <summary>The private key, when <c>d</c> is present; the caller disposes it.</summary>
    public bool TryGetPrivateKey([NotNullWhen(true)] out PrivateKey? key)
    {
        key = null;
        if (D is null || !Base64UrlStrict.TryDecode(D, out var d))
        {
            return false;
        }

        try
        {
            return d.Length == 32 && PrivateKey.TryImport(KeyType, d, out key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(d);
        }
    }

    /// <summary>The same key without <c>d</c>.</summary>
    public Jwk ToPublic() => new(Kty, Crv, X, Y, null, Kid);

    /// <summary>The RFC 7638 thumbprint: SHA-256 over the required members in lexicographic order, base64url.</summary>
    public string ComputeThumbprint()
    {
        var canonical = Kty == "EC"
            ? $"{{\"crv\":\"{Crv}\",\"kty\":\"{Kty}\",\"x\":\"{X}\",\"y\":\"{Y}\"}}"
            : $"{{\"crv\":\"{Crv}\",\"kty\":\"{Kty}\",\"x\":\"{X}\"}}";
        return Base64UrlStrict.Encode(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Writes the JWK as a JSON object (kty, crv, x, y, d, kid).</summary>
    public void WriteTo(Utf8JsonWriter writer, bool includePrivate)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("kty", Kty);
        writer.WriteString("crv", Crv);
        writer.WriteString("x", X);
        if (Y is not null)
        {
            writer.WriteString("y", Y);
        }

        if (includePrivate && D is not null)
        {
            writer.WriteString("d", D);
        }

        if (Kid is not null)
        {
            writer.WriteString("kid", Kid);
        }

        writer.WriteEndObject();
    }

    /// <summary>JSON text of the JWK; the private member only when <paramref name="includePrivate"/> is set.</summary>
    public string ToJson(bool includePrivate = false, bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            WriteTo(writer, includePrivate);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Public members only.</summary>
    public override string ToString() => ToJson(includePrivate: false);

    private static bool TryGetString(JsonElement element, string name, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        error = null;
        if (!element.TryGetProperty(name, out var property) || property.ValueKind != JsonValueKind.String)
        {
            error = $"The JWK member \"{name}\" is missing or not a string.";
            return false;
        }

        value = property.GetString()!;
        return true;
    }

    private static bool TryGetOptionalString(JsonElement element, string name, out string? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        error = null;
        if (!element.TryGetProperty(name, out var property))
        {
            return true;
        }

        if (property.ValueKind != JsonValueKind.String)
        {
            error = $"The JWK member \"{name}\" must be a string.";
            return false;
        }

        value = property.GetString();
        return true;
    }
}
