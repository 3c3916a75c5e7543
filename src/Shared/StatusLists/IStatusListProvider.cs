namespace Identity.Shared.StatusLists;

/// <summary>
/// Fetches status list credentials as served (e.g. a <c>vc+jwt</c> token). Implementations fail closed: when no
/// usable copy exists the result carries <c>status_unavailable</c>, never an empty list.
/// </summary>
public interface IStatusListProvider
{
    /// <summary>The status list credential served at <paramref name="url"/> (the entry's <c>statusListCredential</c>).</summary>
    Task<StatusListFetchResult> GetAsync(Uri url, CancellationToken cancellationToken = default);
}
