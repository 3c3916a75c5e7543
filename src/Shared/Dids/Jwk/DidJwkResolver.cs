using System.Text.Json;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Shared.Dids;

/// <summary>
/// did:jwk (quartzjer/did-jwk): the method-specific id is base64url(UTF-8 JSON of a public JWK). The document has
/// one JsonWebKey2020 method <c>#0</c> carrying the JWK exactly as decoded; <c>use: "sig"</c> drops keyAgreement,
/// <c>use: "enc"</c> keeps only keyAgreement. JWKs with private members, duplicate members or malformed public
/// members are refused with <c>invalidDid</c>.
/// </summary>
public sealed class DidJwkResolver : IDidMethodResolver
{
    private static readonly string[] PrivateMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

    /// <inheritdoc />
    public string Method => "jwk";

    /// <summary>The did:jwk of a public JWK, serialised as <see cref="Jwk.ToJson"/> writes it (private member never included).</summary>
    public static string CreateDid(Jwk jwk)
    {
        ArgumentNullException.ThrowIfNull(jwk);
        return "did:jwk:" + Base64UrlStrict.Encode(System.Text.Encoding.UTF8.GetBytes(jwk.ToJson(includePrivate: false)));
    }

    /// <inheritdoc />
    public Task<DidResolutionResult> ResolveAsync(DidUrl didUrl, DidResolutionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(didUrl);
        ArgumentNullException.ThrowIfNull(options);
        return Task.FromResult(Resolve(didUrl.Did, options));
    }

    /// <summary>Expands a did:jwk (synchronous: nothing is fetched).</summary>
    public DidResolutionResult Resolve(Did did, DidResolutionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(did);
        if (!DidContentTypes.TryNegotiate(options?.Accept, out var contentType))
        {
            return DidResolutionResult.Failure(DidResolutionErrors.RepresentationNotSupported, "did:jwk supports application/did+ld+json and application/did+json.");
        }

        if (did.Method != Method || !Base64UrlStrict.TryDecode(did.MethodSpecificId.AsSpan(), out var utf8))
        {
            return DidResolutionResult.Failure(DidResolutionErrors.InvalidDid, "A did:jwk is did:jwk: followed by unpadded base64url.");
        }

        JsonElement jwk;
        try
        {
            using var parsed = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 16 });
            jwk = parsed.RootElement.Clone();
        }
        catch (JsonException)
        {
            return DidResolutionResult.Failure(DidResolutionErrors.InvalidDid, "The did:jwk value is not UTF-8 JSON.");
        }

        if (!TryValidate(jwk, out var use, out var error))
        {
            return DidResolutionResult.Failure(DidResolutionErrors.InvalidDid, error);
        }

        var id = did.Value;
        var methodId = id + "#0";
        var reference = VerificationMethodReference.To(methodId);
        IReadOnlyList<VerificationMethodReference>? signing = use == "enc" ? null : [reference];
        IReadOnlyList<VerificationMethodReference>? agreement = use == "sig" ? null : [reference];
        var document = new DidDocument
        {
            Context = contentType == DidContentTypes.DidJson ? null
                : DidDocument.ContextOf("https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"),
            Id = id,
            VerificationMethod =
            [
                new VerificationMethod { Id = methodId, Type = VerificationMethodTypes.JsonWebKey2020, Controller = id, PublicKeyJwk = jwk },
            ],
            Authentication = signing,
            AssertionMethod = signing,
            KeyAgreement = agreement,
            CapabilityInvocation = signing,
            CapabilityDelegation = signing,
        };
        return DidResolutionResult.Success(document, contentType);
    }

    private static bool TryValidate(JsonElement jwk, out string? use, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        use = null;
        if (jwk.ValueKind != JsonValueKind.Object)
        {
            error = "The did:jwk value must be a JSON object.";
            return false;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in jwk.EnumerateObject())
        {
            // One JSON text must not mean two keys: a duplicated "x" could be read differently by another parser.
            if (!names.Add(property.Name))
            {
                error = $"The JWK has a duplicate member '{property.Name}'.";
                return false;
            }
        }

        foreach (var member in PrivateMembers)
        {
            if (names.Contains(member))
            {
                error = "A did:jwk must hold a public key only (private or symmetric key members found).";
                return false;
            }
        }

        if (!TryGetString(jwk, "kty", out var kty))
        {
            error = "The JWK needs a string kty.";
            return false;
        }

        if (jwk.TryGetProperty("use", out var useElement))
        {
            if (useElement.ValueKind != JsonValueKind.String || useElement.GetString() is not ("sig" or "enc"))
            {
                error = "The JWK member use must be \"sig\" or \"enc\".";
                return false;
            }

            use = useElement.GetString();
        }

        TryGetString(jwk, "crv", out var crv);
        switch (kty)
        {
            case "EC" or "OKP" when crv is "secp256k1" or "P-256" or "Ed25519":
                if (!Jwk.TryParse(jwk, out _, out var jwkError))
                {
                    error = "The JWK is not a valid public key: " + jwkError;
                    return false;
                }

                break;
            case "OKP" when crv is "X25519" or "X448" or "Ed448":
            case "EC" when crv is "P-384" or "P-521":
                if (!IsBase64Url(jwk, "x") || (kty == "EC" && !IsBase64Url(jwk, "y")))
                {
                    error = $"The {crv} JWK needs base64url coordinates.";
                    return false;
                }

                if (crv == "X25519" && (!Base64UrlStrict.TryDecode(jwk.GetProperty("x").GetString().AsSpan(), out var x) || x.Length != 32))
                {
                    error = "An X25519 JWK has a 32-byte x.";
                    return false;
                }

                break;
            case "RSA":
                if (!IsBase64Url(jwk, "n") || !IsBase64Url(jwk, "e"))
                {
                    error = "An RSA JWK needs base64url n and e.";
                    return false;
                }

                break;
            default:
                error = "Unsupported JWK kty/crv.";
                return false;
        }

        error = null;
        return true;
    }

    private static bool TryGetString(JsonElement element, string name, out string? value)
    {
        value = element.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String ? member.GetString() : null;
        return value is not null;
    }

    private static bool IsBase64Url(JsonElement element, string name) =>
        TryGetString(element, name, out var value) && value!.Length > 0 && Base64UrlStrict.TryDecode(value.AsSpan(), out _);
}
