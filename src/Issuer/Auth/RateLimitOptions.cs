namespace Identity.Issuer.Auth;

/// <summary>Token buckets per staff principal, and per client address for anonymous reads (section <c>Issuer:RateLimit</c>).</summary>
public sealed class RateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Issuer:RateLimit";

    /// <summary>Requests per second a staff principal may make on average. Default 100.</summary>
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>The burst a staff principal may make. Default 200.</summary>
    public int Burst { get; set; } = 200;

    /// <summary>Requests per second per client address without credentials (status lists, DID document). Default 50.</summary>
    public int AnonymousPermitsPerSecond { get; set; } = 50;

    /// <summary>The burst per client address without credentials. Default 100.</summary>
    public int AnonymousBurst { get; set; } = 100;
}
