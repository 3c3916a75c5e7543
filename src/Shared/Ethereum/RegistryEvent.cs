using Identity.Shared.Crypto;

namespace Identity.Shared.Ethereum;

/// <summary>An ERC-1056 event for one identity, with where it happened (the history walk follows <see cref="PreviousChange"/>).</summary>
public abstract record RegistryEvent
{
    private protected RegistryEvent()
    {
    }

    /// <summary>The identity (indexed topic 1).</summary>
    public required EthereumAddress Identity { get; init; }

    /// <summary>The block of the identity's previous change (0 for the first).</summary>
    public required ulong PreviousChange { get; init; }

    /// <summary>The block that holds the event.</summary>
    public required ulong BlockNumber { get; init; }

    /// <summary>Position of the log in its block (orders events within a block).</summary>
    public required ulong LogIndex { get; init; }

    /// <summary>The transaction that emitted it (lower-case 0x hex).</summary>
    public required string TransactionHash { get; init; }
}
