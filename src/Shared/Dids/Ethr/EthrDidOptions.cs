using Identity.Shared.Ethereum;

namespace Identity.Shared.Dids.Ethr;

/// <summary>The did:ethr resolver's configuration: its networks and the limits of every node call.</summary>
public sealed class EthrDidOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Identity:Ethr";

    /// <summary>The chains to resolve on; at least one.</summary>
    public IList<EthrNetwork> Networks { get; } = [];

    /// <summary>The longest one node call may take.</summary>
    public TimeSpan RpcTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a call that failed transiently (connection refused, 5xx, 429); timeouts are not retried.</summary>
    public int RpcMaxRetries { get; set; } = 2;

    /// <summary>The longest one whole resolution may take, however many node calls it needs.</summary>
    public TimeSpan ResolutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest node response accepted.</summary>
    public long RpcMaxResponseBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Throws naming the fix when the configuration cannot work.</summary>
    public void Validate()
    {
        if (Networks.Count == 0)
        {
            throw new InvalidOperationException($"did:ethr needs at least one network: configure {SectionName}:Networks (Name, ChainId, RpcUrl, Registry).");
        }

        if (ResolutionTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:ResolutionTimeout must be positive.");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var network in Networks)
        {
            if (network.ChainId == 0)
            {
                throw new InvalidOperationException($"did:ethr network '{network.Name}' needs a ChainId.");
            }

            if (network.RpcUrl is null || !network.RpcUrl.IsAbsoluteUri || network.RpcUrl.Scheme is not ("http" or "https"))
            {
                throw new InvalidOperationException($"did:ethr network '{network.Name ?? network.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture)}' needs an absolute http(s) RpcUrl.");
            }

            if (!Crypto.EthereumAddress.TryParse(network.Registry, out _))
            {
                throw new InvalidOperationException($"did:ethr network '{network.Name}' has a Registry that is not an address (0x + 40 hex digits).");
            }

            foreach (var key in network.Keys())
            {
                if (!keys.Add(key))
                {
                    throw new InvalidOperationException($"did:ethr network key '{key}' is configured twice.");
                }
            }
        }

        _ = RpcOptionsFor(Networks[0]);
    }

    internal EthereumRpcOptions RpcOptionsFor(EthrNetwork network)
    {
        var options = new EthereumRpcOptions
        {
            Url = network.RpcUrl!,
            Timeout = RpcTimeout,
            MaxRetries = RpcMaxRetries,
            MaxResponseBytes = RpcMaxResponseBytes,
        };
        options.Validate();
        return options;
    }
}
