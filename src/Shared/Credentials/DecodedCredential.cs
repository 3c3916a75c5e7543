using System.Text.Json;
using Identity.Shared.Jose;

namespace Identity.Shared.Credentials;

/// <summary>
/// A secured credential parsed and checked for structure, not yet verified: the verification engine resolves
/// <see cref="Issuer"/>, verifies <see cref="Jws"/> with a key the issuer authorizes (<c>assertionMethod</c>), and only
/// then trusts anything here.
/// </summary>
public sealed class DecodedCredential
{
    internal DecodedCredential(CredentialFormat format, string token, JwsCompact jws, VerifiableCredential credential, JwtTimes times)
    {
        Format = format;
        Token = token;
        Jws = jws;
        Credential = credential;
        IssuedAt = times.IssuedAt;
        ExpiresAt = times.ExpiresAt;
        NotBefore = times.NotBefore;
    }

    /// <summary>Which encoding the token uses.</summary>
    public CredentialFormat Format { get; }

    /// <summary>The compact JWS as received.</summary>
    public string Token { get; }

    /// <summary>The parsed JWS, for signature verification.</summary>
    public JwsCompact Jws { get; }

    /// <summary>The credential (for VC-JWT, re-created from the claims as did-jwt-vc's <c>normalizeCredential</c> does).</summary>
    public VerifiableCredential Credential { get; }

    /// <summary>The issuer's URL (the JWT's <c>iss</c>, which the decoding checked against <c>issuer</c>).</summary>
    public string Issuer => Credential.Issuer.Id;

    /// <summary>The first subject's id, or null for a bearer credential.</summary>
    public string? Subject => Credential.Subjects[0].Id;

    /// <summary>The credential's types.</summary>
    public IReadOnlyList<string> Types => Credential.Types;

    /// <summary>The first subject's claims.</summary>
    public JsonElement Claims => Credential.Subjects[0].Json;

    /// <summary>The JWT's <c>iat</c>, when present.</summary>
    public DateTimeOffset? IssuedAt { get; }

    /// <summary>The JWT's <c>exp</c>, when present (for VC-JOSE-COSE: when the signature stops counting).</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>The JWT's <c>nbf</c>, when present.</summary>
    public DateTimeOffset? NotBefore { get; }
}
