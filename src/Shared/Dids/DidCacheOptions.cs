namespace Identity.Shared.Dids;

/// <summary>Policy of <see cref="CachingDidResolver"/>. Only successful results are cached.</summary>
public sealed class DidCacheOptions
{
    /// <summary>Longest time a result is served without being resolved or re-validated again. Default 5 minutes.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// For methods implementing <see cref="IDidRevalidatingResolver"/>: a cached result older than this is
    /// re-validated before it is served. Default zero: every use re-validates (one cheap call for did:ethr), so a
    /// key revoked on chain stops verifying at once.
    /// </summary>
    public TimeSpan RevalidateAfter { get; set; } = TimeSpan.Zero;

    /// <summary>Most results held by the in-memory cache (its size limit, one unit per result). Default 10 000.</summary>
    public long MaxEntries { get; set; } = 10_000;

    /// <summary>Store results in the registered <c>IDistributedCache</c> (shared between instances) instead of memory.</summary>
    public bool UseDistributedCache { get; set; }

    /// <summary>Prefix of the cache keys.</summary>
    public string KeyPrefix { get; set; } = "did-resolution:";
}
