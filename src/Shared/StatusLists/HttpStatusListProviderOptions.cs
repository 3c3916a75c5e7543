namespace Identity.Shared.StatusLists;

/// <summary>Settings of <see cref="HttpStatusListProvider"/>.</summary>
public sealed class HttpStatusListProviderOptions
{
    /// <summary>How long one request may take, connection included (10 s by default).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest response body accepted, in bytes (4 MiB by default).</summary>
    public int MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// How long a response without <c>Cache-Control: max-age</c> or <c>Expires</c> stays fresh (zero by default: it is
    /// kept only for revalidation with its ETag and for the grace period).
    /// </summary>
    public TimeSpan DefaultMaxAge { get; set; } = TimeSpan.Zero;

    /// <summary>The longest freshness lifetime honoured, whatever the server says (1 day by default).</summary>
    public TimeSpan MaxAgeLimit { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long past its freshness a cached copy may still be served when the server cannot be reached or answers
    /// 5xx (zero by default: fail closed at once). The document is then marked <see cref="StatusListDocument.IsStale"/>.
    /// </summary>
    public TimeSpan StaleGracePeriod { get; set; } = TimeSpan.Zero;

    /// <summary>The most status lists kept in memory (1,000 by default).</summary>
    public int MaxCacheEntries { get; set; } = 1000;

    /// <summary>Whether plain http URLs may be fetched (false by default: https only; tests use loopback http).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Checks the values; throws naming the setting to fix.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "HttpStatusListProviderOptions.Timeout must be positive.");
        }

        if (MaxResponseBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), MaxResponseBytes, "HttpStatusListProviderOptions.MaxResponseBytes must be positive.");
        }

        if (DefaultMaxAge < TimeSpan.Zero || MaxAgeLimit < TimeSpan.Zero || StaleGracePeriod < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultMaxAge), "HttpStatusListProviderOptions durations must not be negative.");
        }

        if (MaxCacheEntries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCacheEntries), MaxCacheEntries, "HttpStatusListProviderOptions.MaxCacheEntries must not be negative.");
        }
    }
}
