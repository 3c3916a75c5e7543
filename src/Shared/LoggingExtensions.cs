using Microsoft.Extensions.Logging;

namespace Identity.Shared;

/// <summary>
/// Every log message of Identity.Shared, event ids 1000–1999. Messages name the step and the DID method, never a
/// DID, a document, a credential, a claim or a key.
/// </summary>
internal static partial class LoggingExtensions
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Error, Message = "The did:{Method} resolver threw.")]
    public static partial void MethodResolverFailed(this ILogger logger, Exception exception, string method);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Warning, Message = "did:{Method} document fetch failed: {Reason}.")]
    public static partial void DidWebFetchFailed(this ILogger logger, string method, string reason);

    [LoggerMessage(EventId = 1120, Level = LogLevel.Warning, Message = "Re-validating a cached did:{Method} document failed; resolving again.")]
    public static partial void RevalidationFailed(this ILogger logger, Exception exception, string method);

    [LoggerMessage(EventId = 1121, Level = LogLevel.Warning, Message = "The distributed DID cache failed; resolving without it.")]
    public static partial void DistributedCacheFailed(this ILogger logger, Exception exception);
}
