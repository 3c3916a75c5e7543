using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Shared.Crypto;
using Identity.Shared.Jose;
using Identity.Shared.Verification;

namespace Identity.Shared.Credentials;

/// <summary>
/// VCDM 2.0 secured with VC-JOSE-COSE (JOSE, compact JWS): the payload is the credential or presentation itself;
/// header <c>typ</c> <c>vc+jwt</c>/<c>vp+jwt</c> and <c>cty</c> <c>vc</c>/<c>vp</c>; no <c>vc</c>/<c>vp</c> claim. The
/// registered claims, when present, must not contradict the document: <c>iss</c> = issuer (holder), <c>jti</c> =
/// <c>id</c>, <c>sub</c> = a <c>credentialSubject.id</c>. Credentials inside a presentation are
/// <c>EnvelopedVerifiableCredential</c> objects whose <c>id</c> is <c>data:application/vc+jwt,&lt;jwt&gt;</c>.
/// </summary>
public static class VcJoseCose
{
    /// <summary>The header <c>typ</c> of a secured credential.</summary>
    public const string CredentialType = "vc+jwt";

    /// <summary>The header <c>typ</c> of a secured presentation.</summary>
    public const string PresentationType = "vp+jwt";

    /// <summary>The media type of a secured credential (in data: URLs).</summary>
    public const string CredentialMediaType = "application/vc+jwt";

    /// <summary>The media type of a secured presentation.</summary>
    public const string PresentationMediaType = "application/vp+jwt";

    /// <summary>Signs a VCDM 2.0 credential; <paramref name="options"/>' <c>kid</c> should be the DID URL of the key.</summary>
    /// <exception cref="ArgumentException">The credential is not VCDM 2.0, a claim collides with a member, or the key does not fit.</exception>
    public static string SignCredential(VerifiableCredential credential, PrivateKey key, SignatureAlgorithm algorithm, JwtSigningOptions? options = null)
    {
        var payload = CredentialPayload(credential, options);
        return JwsSigner.Sign(CredentialHeader(options), CredentialJson.SerializeToUtf8(payload), key, algorithm);
    }

    /// <summary>Signs a VCDM 2.0 credential with a key that <paramref name="signer"/> holds.</summary>
    /// <exception cref="ArgumentException">The credential is not VCDM 2.0, or a claim collides with a member.</exception>
    public static ValueTask<string> SignCredentialAsync(VerifiableCredential credential, ISigner signer, JwtSigningOptions? options = null, CancellationToken cancellationToken = default)
    {
        var payload = CredentialPayload(credential, options);
        return JwsSigner.SignAsync(CredentialHeader(options), CredentialJson.SerializeToUtf8(payload), signer, cancellationToken);
    }

    private static JwsHeaderParameters CredentialHeader(JwtSigningOptions? options) =>
        new() { Type = CredentialType, ContentType = "vc", KeyId = options?.KeyId };

    private static JsonObject CredentialPayload(VerifiableCredential credential, JwtSigningOptions? options)
    {
        ArgumentNullException.ThrowIfNull(credential);
        options ??= JwtSigningOptions.None;
        if (credential.Version != DataModelVersion.V2_0)
        {
            throw new ArgumentException("VC-JOSE-COSE secures VCDM 2.0 credentials; a 1.1 credential is a VC-JWT (VcJwt).", nameof(credential));
        }

        if (options.Audience.Count > 0 || options.Nonce is not null)
        {
            throw new ArgumentException("Audience and nonce bind presentations, not credentials.", nameof(options));
        }

        var payload = credential.ToJsonObject();
        AddTimes(payload, options);
        return payload;
    }

    /// <summary>Signs a VCDM 2.0 presentation, adding <c>aud</c>, <c>nonce</c>, <c>iat</c>, <c>exp</c> from the options.</summary>
    /// <exception cref="ArgumentException">The presentation is not VCDM 2.0, a claim collides with a member, or the key does not fit.</exception>
    public static string SignPresentation(VerifiablePresentation presentation, PrivateKey key, SignatureAlgorithm algorithm, JwtSigningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        options ??= JwtSigningOptions.None;
        if (presentation.Version != DataModelVersion.V2_0)
        {
            throw new ArgumentException("VC-JOSE-COSE secures VCDM 2.0 presentations; a 1.1 presentation is a VP-JWT (VcJwt).", nameof(presentation));
        }

        var payload = presentation.ToJsonObject();
        if (options.Audience.Count > 0)
        {
            JwtClaimMapping.SetClaim(payload, "aud", options.Audience.Count == 1 ? JsonValue.Create(options.Audience[0]) : new JsonArray([.. options.Audience.Select(static a => JsonValue.Create(a))]));
        }

        if (options.Nonce is not null)
        {
            JwtClaimMapping.SetClaim(payload, "nonce", options.Nonce);
        }

        AddTimes(payload, options);
        return JwsSigner.Sign(new JwsHeaderParameters { Type = PresentationType, ContentType = "vp", KeyId = options.KeyId }, CredentialJson.SerializeToUtf8(payload), key, algorithm);
    }

    /// <summary>The <c>EnvelopedVerifiableCredential</c> that carries a <c>vc+jwt</c> token inside a 2.0 presentation.</summary>
    public static JsonObject CreateEnvelopedCredential(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return new JsonObject
        {
            ["@context"] = new JsonArray(CredentialContexts.V2),
            ["id"] = $"data:{CredentialMediaType},{token}",
            ["type"] = CredentialTypes.EnvelopedVerifiableCredential,
        };
    }

    /// <summary>Decodes a <c>vc+jwt</c> token: parse, header and claims checks, credential validation. Never throws on bad input.</summary>
    public static bool TryDecodeCredential(string? token, JwsParseOptions? options, [NotNullWhen(true)] out DecodedCredential? decoded, [NotNullWhen(false)] out VerificationError? error)
    {
        decoded = null;
        return JwsCompact.TryParse(token, options, out var jws, out error) && TryDecodeCredentialCore(token!, jws, out decoded, out error);
    }

    /// <summary>Decodes a <c>vp+jwt</c> token. Never throws on bad input.</summary>
    public static bool TryDecodePresentation(string? token, JwsParseOptions? options, [NotNullWhen(true)] out DecodedPresentation? decoded, [NotNullWhen(false)] out VerificationError? error)
    {
        decoded = null;
        return JwsCompact.TryParse(token, options, out var jws, out error) && TryDecodePresentationCore(token!, jws, out decoded, out error);
    }

    internal static bool TryDecodeCredentialCore(string token, JwsCompact jws, [NotNullWhen(true)] out DecodedCredential? decoded, [NotNullWhen(false)] out VerificationError? error)
    {
        decoded = null;
        var payload = jws.Payload!.Value;
        if (!CheckHeader(jws, CredentialType, "vc", out error) ||
            !CheckNoJwtVcClaims(payload, out error) ||
            !VerifiableCredential.TryCreate(payload, out var credential, out error) ||
            !JwtTimes.TryRead(payload, out var times, out error))
        {
            return false;
        }

        if (credential.Version != DataModelVersion.V2_0)
        {
            error = CredentialJson.Malformed("A vc+jwt token carries a VCDM 2.0 credential.");
            return false;
        }

        if (!CheckClaim(payload, "iss", credential.Issuer.Id, "issuer", out error) ||
            !CheckClaim(payload, "jti", credential.Id, "id", out error))
        {
            return false;
        }

        if (payload.TryGetProperty("sub", out var sub) &&
            (sub.ValueKind != JsonValueKind.String || !credential.Subjects.Any(s => s.Id == sub.GetString())))
        {
            error = CredentialJson.Malformed("The JWT claim sub is not the id of a credentialSubject.");
            return false;
        }

        decoded = new DecodedCredential(CredentialFormat.VcJoseCose, token, jws, credential, times);
        return true;
    }

    internal static bool TryDecodePresentationCore(string token, JwsCompact jws, [NotNullWhen(true)] out DecodedPresentation? decoded, [NotNullWhen(false)] out VerificationError? error)
    {
        decoded = null;
        var payload = jws.Payload!.Value;
        if (!CheckHeader(jws, PresentationType, "vp", out error) ||
            !CheckNoJwtVcClaims(payload, out error) ||
            !VerifiablePresentation.TryCreate(payload, out var presentation, out error) ||
            !JwtTimes.TryRead(payload, out var times, out error) ||
            !JwtClaimMapping.TryGetAudience(payload, out var audience, out error) ||
            !JwtClaimMapping.TryGetNonce(payload, out var nonce, out error))
        {
            return false;
        }

        if (presentation.Version != DataModelVersion.V2_0)
        {
            error = CredentialJson.Malformed("A vp+jwt token carries a VCDM 2.0 presentation.");
            return false;
        }

        var holder = presentation.Holder?.Id ?? CredentialJson.GetOptionalString(payload, "iss");
        if (holder is null)
        {
            error = CredentialJson.Malformed("The presentation names no holder (holder or iss).");
            return false;
        }

        if (!CheckClaim(payload, "iss", holder, "holder", out error) ||
            !CheckClaim(payload, "jti", presentation.Id, "id", out error))
        {
            return false;
        }

        if (presentation.Credentials.Any(static c => c.Kind == PresentedCredentialKind.Jwt))
        {
            error = CredentialJson.Malformed("A VCDM 2.0 presentation carries secured credentials as EnvelopedVerifiableCredential, not bare JWTs.");
            return false;
        }

        decoded = new DecodedPresentation(CredentialFormat.VcJoseCose, token, jws, presentation, holder, audience, nonce, times);
        return true;
    }

    private static bool CheckHeader(JwsCompact jws, string type, string contentType, [NotNullWhen(false)] out VerificationError? error)
    {
        // RFC 7515 §4.1.9: "application/" may be omitted from typ and cty, and media types compare case-insensitively.
        error = null;
        if (jws.Header.Type is { } typ && !IsMediaType(typ, type))
        {
            error = CredentialJson.Malformed($"The header typ is not {type}.");
            return false;
        }

        if (jws.Header.ContentType is { } cty && !IsMediaType(cty, contentType))
        {
            error = CredentialJson.Malformed($"The header cty is not {contentType}.");
            return false;
        }

        return true;
    }

    private static bool IsMediaType(string value, string expected) =>
        string.Equals(value, expected, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(value, "application/" + expected, StringComparison.OrdinalIgnoreCase);

    private static bool CheckNoJwtVcClaims(JsonElement payload, [NotNullWhen(false)] out VerificationError? error)
    {
        error = null;
        if (payload.TryGetProperty("vc", out _) || payload.TryGetProperty("vp", out _))
        {
            error = CredentialJson.Malformed("A VC-JOSE-COSE payload must not have a vc or vp claim.");
            return false;
        }

        return true;
    }

    private static bool CheckClaim(JsonElement payload, string claim, string? documentValue, string member, [NotNullWhen(false)] out VerificationError? error)
    {
        error = null;
        if (!payload.TryGetProperty(claim, out var value))
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.String || documentValue is null || value.GetString() != documentValue)
        {
            error = CredentialJson.Malformed($"The JWT claim {claim} does not equal the document's {member}.");
            return false;
        }

        return true;
    }

    private static void AddTimes(JsonObject payload, JwtSigningOptions options)
    {
        if (options.IssuedAt is { } issuedAt)
        {
            JwtClaimMapping.SetClaim(payload, "iat", JwtClaimMapping.ToUnixSeconds(issuedAt));
        }

        if (options.ExpiresAt is { } expiresAt)
        {
            JwtClaimMapping.SetClaim(payload, "exp", JwtClaimMapping.ToUnixSeconds(expiresAt));
        }
    }
}
