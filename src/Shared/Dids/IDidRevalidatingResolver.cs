namespace Identity.Shared.Dids;

/// <summary>
/// A method resolver that can tell cheaply whether a cached result is still current (did:ethr: one
/// <c>changed(identity)</c> call against the cached <c>versionId</c>), so that <see cref="CachingDidResolver"/>
/// re-validates a cached document instead of serving it stale or resolving it in full.
/// </summary>
public interface IDidRevalidatingResolver : IDidMethodResolver
{
    /// <summary>
    /// True when <paramref name="cached"/> is still what resolving <paramref name="didUrl"/> would return now.
    /// False, or an exception, makes the cache resolve again.
    /// </summary>
    ValueTask<bool> IsCurrentAsync(DidUrl didUrl, DidResolutionResult cached, CancellationToken cancellationToken);
}
