using Identity.Shared.Crypto;

namespace Identity.Shared.Ethereum;

/// <summary>A signed transaction ready for <c>eth_sendRawTransaction</c>.</summary>
public sealed record SignedTransaction
{
    /// <summary>What was signed.</summary>
    public required Eip1559Transaction Transaction { get; init; }

    /// <summary>The typed envelope 0x02 ‖ rlp(…).</summary>
    public required ReadOnlyMemory<byte> Raw { get; init; }

    /// <summary>keccak256 of <see cref="Raw"/> (lower-case 0x hex).</summary>
    public required string Hash { get; init; }

    /// <summary>The sender.</summary>
    public required EthereumAddress From { get; init; }
}
