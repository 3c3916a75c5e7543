using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Identity.Shared.Crypto;
using Identity.Shared.Verification;

namespace Identity.Shared.Jose;

/// <summary>
/// The protected header of a compact JWS, validated: <c>alg</c> names a supported algorithm, the registered
/// members have their RFC 7515 types, there is no <c>crit</c> (this product implements no critical extension)
/// and no unencoded payload (<c>b64: false</c>). Unregistered members stay available through <see cref="Json"/>.
/// </summary>
public sealed class JoseHeader
{
    private JoseHeader(SignatureAlgorithm algorithm, string algorithmName, string? keyId, string? type, string? contentType, Jwk? key, JsonElement json)
    {
        Algorithm = algorithm;
        AlgorithmName = algorithmName;
        KeyId = keyId;
        Type = type;
        ContentType = contentType;
        Key = key;
        Json = json;
    }

    /// <summary>The algorithm <c>alg</c> names.</summary>
    public SignatureAlgorithm Algorithm { get; }

    /// <summary>The <c>alg</c> value as written (did-jwt's legacy <c>Ed25519</c> stays <c>Ed25519</c>).</summary>
    public string AlgorithmName { get; }

    /// <summary><c>kid</c>, when present. A hint only: it selects nothing by itself.</summary>
    public string? KeyId { get; }

    /// <summary><c>typ</c>, when present (e.g. <c>JWT</c>, <c>vc+jwt</c>).</summary>
    public string? Type { get; }

    /// <summary><c>cty</c>, when present (did-jwt nests JWTs with <c>cty: "JWT"</c>).</summary>
    public string? ContentType { get; }

    /// <summary>
    /// The public key embedded as <c>jwk</c>, when present. Anyone can put a key here, so it proves nothing:
    /// <see cref="JwsCompact.Verify"/> never uses it, and <see cref="JwsCompact.VerifyWithEmbeddedKey"/> leaves the
    /// caller to decide whether the key is authorized.
    /// </summary>
    public Jwk? Key { get; }

    /// <summary>The whole header object (a detached clone; it needs no disposal).</summary>
    public JsonElement Json { get; }

    internal static bool TryCreate(JsonElement json, [NotNullWhen(true)] out JoseHeader? header, [NotNullWhen(false)] out VerificationError? error)
    {
        header = null;
        if (!TryGetOptionalString(json, "kid", out var keyId, out error) ||
            !TryGetOptionalString(json, "typ", out var type, out error) ||
            !TryGetOptionalString(json, "cty", out var contentType, out error) ||
            !TryGetKey(json, out var key, out error) ||
            !CheckUnencodedPayload(json, out error) ||
            !CheckCritical(json, out error) ||
            !TryGetAlgorithm(json, out var algorithm, out var algorithmName, out error))
        {
            return false;
        }

        header = new JoseHeader(algorithm, algorithmName, keyId, type, contentType, key, json);
        return true;
    }

    private static bool TryGetAlgorithm(JsonElement json, [NotNullWhen(true)] out SignatureAlgorithm? algorithm, [NotNullWhen(true)] out string? name, [NotNullWhen(false)] out VerificationError? error)
    {
        algorithm = null;
        name = null;
        error = null;
        if (!json.TryGetProperty("alg", out var alg))
        {
            error = new VerificationError(VerificationErrorCode.UnsupportedAlgorithm, "The JWS header has no alg.");
            return false;
        }

        if (alg.ValueKind != JsonValueKind.String)
        {
            error = new VerificationError(VerificationErrorCode.Malformed, "The JWS header member alg is not a string.");
            return false;
        }

        name = alg.GetString()!;
        if (!SignatureAlgorithm.TryGet(name, out algorithm))
        {
            // "none" lands here too: SignatureAlgorithm knows no unsigned algorithm.
            error = new VerificationError(VerificationErrorCode.UnsupportedAlgorithm, "The JWS alg is not a supported signature algorithm.");
            return false;
        }

        return true;
    }

    private static bool CheckCritical(JsonElement json, [NotNullWhen(false)] out VerificationError? error)
    {
        error = null;
        if (!json.TryGetProperty("crit", out var crit))
        {
            return true;
        }

        // RFC 7515 §4.1.11: a non-empty array of strings. A well-formed crit still fails, because we understand
        // no extension; the malformed case gets its own code so producers can tell the two apart.
        if (crit.ValueKind != JsonValueKind.Array || crit.GetArrayLength() == 0 ||
            crit.EnumerateArray().Any(static member => member.ValueKind != JsonValueKind.String || member.GetString()!.Length == 0))
        {
            error = new VerificationError(VerificationErrorCode.Malformed, "The JWS header member crit is not a non-empty array of names.");
            return false;
        }

        error = new VerificationError(VerificationErrorCode.UnsupportedCriticalHeader, "The JWS header lists a critical extension; none is supported.");
        return false;
    }

    private static bool CheckUnencodedPayload(JsonElement json, [NotNullWhen(false)] out VerificationError? error)
    {
        error = null;

        // RFC 7797: b64 false means the payload segment is not base64url. A recipient that ignored it would verify
        // one payload and read another, so anything but the default (true) is refused, with or without crit.
        if (json.TryGetProperty("b64", out var b64) && b64.ValueKind != JsonValueKind.True)
        {
            error = new VerificationError(VerificationErrorCode.Malformed, "Unencoded JWS payloads (b64) are not supported.");
            return false;
        }

        return true;
    }

    private static bool TryGetKey(JsonElement json, out Jwk? key, [NotNullWhen(false)] out VerificationError? error)
    {
        key = null;
        error = null;
        if (!json.TryGetProperty("jwk", out var element))
        {
            return true;
        }

        if (!Jwk.TryParse(element, out var parsed, out _))
        {
            error = new VerificationError(VerificationErrorCode.Malformed, "The JWS header member jwk is not a supported public JWK.");
            return false;
        }

        if (parsed.HasPrivateKey)
        {
            // A private key in a header is a leak by the producer; refuse rather than carry it further.
            error = new VerificationError(VerificationErrorCode.Malformed, "The JWS header member jwk holds a private key.");
            return false;
        }

        key = parsed;
        return true;
    }

    private static bool TryGetOptionalString(JsonElement json, string name, out string? value, [NotNullWhen(false)] out VerificationError? error)
    {
        value = null;
        error = null;
        if (!json.TryGetProperty(name, out var element))
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            error = new VerificationError(VerificationErrorCode.Malformed, $"The JWS header member {name} is not a string.");
            return false;
        }

        value = element.GetString();
        return true;
    }
}
