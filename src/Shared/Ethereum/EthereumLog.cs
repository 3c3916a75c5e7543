using Identity.Shared.Crypto;

namespace Identity.Shared.Ethereum;

/// <summary>A mined log entry as <c>eth_getLogs</c> and receipts return it. Hashes and topics are lower-case 0x hex.</summary>
public sealed record EthereumLog
{
    /// <summary>The emitting contract.</summary>
    public required EthereumAddress Address { get; init; }

    /// <summary>The topics (topic 0 is the event signature hash for non-anonymous events).</summary>
    public required IReadOnlyList<string> Topics { get; init; }

    /// <summary>The non-indexed data.</summary>
    public required ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>The block that holds the log.</summary>
    public required ulong BlockNumber { get; init; }

    /// <summary>The hash of that block.</summary>
    public required string BlockHash { get; init; }

    /// <summary>The transaction that emitted it.</summary>
    public required string TransactionHash { get; init; }

    /// <summary>Position of the log in its block.</summary>
    public required ulong LogIndex { get; init; }

    /// <summary>Whether a reorganisation removed it.</summary>
    public bool Removed { get; init; }
}
