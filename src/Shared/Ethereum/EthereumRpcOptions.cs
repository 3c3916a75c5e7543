namespace Identity.Shared.Ethereum;

/// <summary>
/// Where and how patiently to talk to one Ethereum JSON-RPC node. Validated when a client is built:
/// a bad value fails at start-up, not on the first resolution.
/// </summary>
public sealed record EthereumRpcOptions
{
    /// <summary>The node's HTTP(S) endpoint. User info (<c>user:pass@</c>) is sent as Basic authentication and never shown in errors.</summary>
    public required Uri Url { get; init; }

    /// <summary>Longest wait for one HTTP exchange, headers and body included. Default 10 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Extra attempts after a transient failure (connection refused/reset, 5xx, 429). Timeouts are not retried. Default 2.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>First backoff between attempts; doubles each time, capped at 2 s. Default 100 ms.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Largest response body accepted; bigger ones are abandoned while streaming. Default 16 MiB.</summary>
    public long MaxResponseBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Most calls sent in one JSON-RPC batch; longer batches are split. Default 100.</summary>
    public int MaxBatchSize { get; init; } = 100;

    /// <summary>Throws <see cref="ArgumentException"/> naming the offending setting and the fix.</summary>
    public void Validate()
    {
        if (!Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("EthereumRpcOptions.Url must be an absolute http:// or https:// URL.", nameof(Url));
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentException("EthereumRpcOptions.Timeout must be positive and at most 10 minutes.", nameof(Timeout));
        }

        if (MaxRetries is < 0 or > 10)
        {
            throw new ArgumentException("EthereumRpcOptions.MaxRetries must be between 0 and 10.", nameof(MaxRetries));
        }

        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromSeconds(10))
        {
            throw new ArgumentException("EthereumRpcOptions.RetryDelay must be between 0 and 10 seconds.", nameof(RetryDelay));
        }

        if (MaxResponseBytes is < 1024 or > int.MaxValue)
        {
            throw new ArgumentException("EthereumRpcOptions.MaxResponseBytes must be between 1 KiB and 2 GiB.", nameof(MaxResponseBytes));
        }

        if (MaxBatchSize is < 1 or > 1000)
        {
            throw new ArgumentException("EthereumRpcOptions.MaxBatchSize must be between 1 and 1000.", nameof(MaxBatchSize));
        }
    }

    /// <summary>
    /// The endpoint as errors show it: scheme, host and port only, because user info, path and query of hosted
    /// nodes often carry API keys.
    /// </summary>
    public string DisplayEndpoint => Url.Scheme + "://" + Url.Authority;
}
