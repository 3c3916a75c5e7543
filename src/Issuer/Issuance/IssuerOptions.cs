namespace Identity.Issuer.Issuance;

/// <summary>The issuer service's settings (section <c>Issuer</c>); validated at start so that a bad value stops the service.</summary>
public sealed class IssuerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Issuer";

    /// <summary>The URL the service is reached at from outside; status list and schema URLs in credentials hang off it.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The <c>aud</c> a holder proof must carry; defaults to <see cref="PublicBaseUrl"/> without its trailing slash.</summary>
    public string? HolderProofAudience { get; set; }

    /// <summary>How long a nonce from <c>POST /nonce</c> stays usable. Default 5 minutes.</summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The <c>Cache-Control: max-age</c> of a status list response. Default 60 s.</summary>
    public TimeSpan StatusListMaxAge { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The validity of a signed status list credential; it is signed again after half of it. Default 1 day.</summary>
    public TimeSpan StatusListValidity { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The largest request body accepted, in bytes. Default 256 KiB.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>The most credentials one <c>POST /credentials/batch</c> may ask for. Default 100.</summary>
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>The validity of a credential whose request names none; null for no expiry. Default 365 days.</summary>
    public TimeSpan? DefaultValidity { get; set; } = TimeSpan.FromDays(365);

    /// <summary>The audience holder proofs are checked against.</summary>
    public string EffectiveHolderProofAudience =>
        HolderProofAudience ?? PublicBaseUrl?.AbsoluteUri.TrimEnd('/') ?? throw new InvalidOperationException("Issuer:PublicBaseUrl is not set.");

    /// <summary>Throws naming the fix when the settings cannot work.</summary>
    public void Validate()
    {
        if (PublicBaseUrl is null || !PublicBaseUrl.IsAbsoluteUri || PublicBaseUrl.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException("Issuer:PublicBaseUrl must be the absolute http(s) URL the service is reached at, e.g. https://issuer.hospital.example/.");
        }

        if (NonceLifetime <= TimeSpan.Zero || StatusListMaxAge < TimeSpan.Zero || StatusListValidity <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Issuer:NonceLifetime and Issuer:StatusListValidity must be positive, Issuer:StatusListMaxAge not negative.");
        }

        if (MaxRequestBodyBytes < 1024 || MaxBatchSize < 1)
        {
            throw new InvalidOperationException("Issuer:MaxRequestBodyBytes must be at least 1024 and Issuer:MaxBatchSize at least 1.");
        }

        if (DefaultValidity is { } validity && validity <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Issuer:DefaultValidity must be positive (or absent for no expiry).");
        }
    }
}
