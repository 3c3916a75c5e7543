using Identity.Shared.Jose;

namespace Identity.Shared.Credentials;

/// <summary>
/// A secured presentation parsed and checked for structure, not yet verified: the engine resolves <see cref="Holder"/>,
/// verifies <see cref="Jws"/> (<c>authentication</c>), checks <see cref="Audience"/> and <see cref="Nonce"/>, then decodes
/// and verifies each credential of <see cref="Presentation"/> on its own.
/// </summary>
public sealed class DecodedPresentation
{
    internal DecodedPresentation(CredentialFormat format, string token, JwsCompact jws, VerifiablePresentation presentation, string holder, IReadOnlyList<string> audience, string? nonce, JwtTimes times)
    {
        Format = format;
        Token = token;
        Jws = jws;
        Presentation = presentation;
        Holder = holder;
        Audience = audience;
        Nonce = nonce;
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

    /// <summary>The presentation document.</summary>
    public VerifiablePresentation Presentation { get; }

    /// <summary>The holder's URL (the JWT's <c>iss</c>, checked against <c>holder</c>).</summary>
    public string Holder { get; }

    /// <summary>The JWT's <c>aud</c> values (empty when absent).</summary>
    public IReadOnlyList<string> Audience { get; }

    /// <summary>The JWT's <c>nonce</c>, when present.</summary>
    public string? Nonce { get; }

    /// <summary>The JWT's <c>iat</c>, when present.</summary>
    public DateTimeOffset? IssuedAt { get; }

    /// <summary>The JWT's <c>exp</c>, when present.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>The JWT's <c>nbf</c>, when present.</summary>
    public DateTimeOffset? NotBefore { get; }
}
