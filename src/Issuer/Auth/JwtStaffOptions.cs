namespace Identity.Issuer.Auth;

/// <summary>
/// Bearer tokens from the hospital's identity provider (section <c>Issuer:Auth:Jwt</c>): either an
/// <see cref="Authority"/> whose metadata gives the signing keys, or a fixed <see cref="SigningKeyJwk"/>.
/// </summary>
public sealed class JwtStaffOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Issuer:Auth:Jwt";

    /// <summary>The IdP's issuer URL (OpenID Connect discovery); null when <see cref="SigningKeyJwk"/> is used.</summary>
    public string? Authority { get; set; }

    /// <summary>The <c>aud</c> tokens must carry.</summary>
    public string? Audience { get; set; }

    /// <summary>The <c>iss</c> tokens must carry when no <see cref="Authority"/> is set.</summary>
    public string? Issuer { get; set; }

    /// <summary>A JWK (JSON) verifying the tokens, instead of discovery.</summary>
    public string? SigningKeyJwk { get; set; }

    /// <summary>The claim holding the roles. Default <c>roles</c>.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim naming the principal in audit records. Default <c>sub</c>.</summary>
    public string NameClaim { get; set; } = "sub";

    /// <summary>True when bearer tokens are configured at all.</summary>
    public bool Enabled => Authority is not null || SigningKeyJwk is not null;
}
