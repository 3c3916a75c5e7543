namespace Identity.Shared.Dids.Ethr;

/// <summary>
/// One chain on which did:ethr identities live: bound from configuration (<c>Identity:Ethr:Networks:0:…</c>) or
/// built in code. A DID names its network by <see cref="Name"/> or by <c>0x</c> + the chain id in lower-case hex.
/// </summary>
public sealed class EthrNetwork
{
    /// <summary>The registry address that ethr-did-resolver uses when none is configured (mainnet, polygon).</summary>
    public const string DefaultRegistry = "0xdca7ef03e98e0dc2b855be647c39abe984fcf21b";

    /// <summary>The network's name in DIDs (<c>mainnet</c>, <c>sepolia</c>, <c>dev</c>…); optional.</summary>
    public string? Name { get; set; }

    /// <summary>The chain id (EIP-155), which also names the network as <c>0x</c> + hex.</summary>
    public ulong ChainId { get; set; }

    /// <summary>The node's JSON-RPC endpoint.</summary>
    public Uri? RpcUrl { get; set; }

    /// <summary>The EthereumDIDRegistry contract address.</summary>
    public string Registry { get; set; } = DefaultRegistry;

    /// <summary>The pre-2018 registry (mainnet, polygon) signs attribute meta-transactions with the identity's nonce.</summary>
    public bool LegacyNonce { get; set; }

    /// <summary>
    /// The first block worth searching for registry events (the contract's deployment block); a node that refuses
    /// a range this wide makes the resolver walk the registry's linked list instead.
    /// </summary>
    public ulong FromBlock { get; set; }

    /// <summary>The keys a DID may use for this network: the name and <c>0x</c> + hex chain id.</summary>
    public IEnumerable<string> Keys()
    {
        if (!string.IsNullOrEmpty(Name))
        {
            yield return Name;
        }

        yield return "0x" + ChainId.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
    }
}
