namespace Identity.Shared.Ethereum;

/// <summary>Settings of one ERC-1056 deployment.</summary>
public sealed record EthereumDidRegistryOptions
{
    /// <summary>
    /// The legacy contract (mainnet/Polygon <c>0xdca7…f21b</c>) signs attribute operations over
    /// <c>nonce(identity)</c> instead of <c>nonce(owner)</c>. Default false (current contract).
    /// </summary>
    public bool LegacyNonce { get; init; }

    /// <summary>How writes are priced and awaited.</summary>
    public EthereumTransactionOptions Transactions { get; init; } = new();
}
