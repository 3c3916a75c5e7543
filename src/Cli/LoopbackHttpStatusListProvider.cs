using System.Net;
using Identity.Shared.StatusLists;
using Identity.Shared.Verification;

namespace Identity.Cli;

/// <summary>
/// Status lists over https, and over plain http only from this machine (a local issuer in a demo or a test): a list
/// fetched in clear text from elsewhere could be altered on the way to say "not revoked".
/// </summary>
internal sealed class LoopbackHttpStatusListProvider(IStatusListProvider inner) : IStatusListProvider
{
    public Task<StatusListFetchResult> GetAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.IsAbsoluteUri && url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url))
        {
            return Task.FromResult(StatusListFetchResult.Failure(new VerificationError(
                VerificationErrorCode.StatusUnavailable,
                "The status list URL is plain http to another host; only https (or http to this machine) is fetched.")));
        }

        return inner.GetAsync(url, cancellationToken);
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
