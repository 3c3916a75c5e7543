namespace ClinicPortal;

/// <summary>The portal's own configuration section.</summary>
internal sealed class PortalSettings
{
    public const string SectionName = "Portal";

    /// <summary>This site's audience (what presentations must be addressed to).</summary>
    public string? Audience { get; set; }

    /// <summary>The hospitals whose credentials the portal trusts.</summary>
    public List<string> TrustedIssuers { get; set; } = [];

    /// <summary>The hospitals whose insurance credentials open the insurance API; empty: <see cref="TrustedIssuers"/>.</summary>
    public List<string> Hospitals { get; set; } = [];

    /// <summary>Where docs/errors.md is published (error_uri of a 401).</summary>
    public Uri? ErrorDocumentation { get; set; }

    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(5);

    public int ChallengeRateLimit { get; set; } = 60;
}
