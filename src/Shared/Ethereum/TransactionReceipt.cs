using System.Numerics;
using Identity.Shared.Crypto;

namespace Identity.Shared.Ethereum;

/// <summary>The fields of <c>eth_getTransactionReceipt</c> the registry client needs.</summary>
public sealed record TransactionReceipt
{
    /// <summary>The transaction hash (lower-case 0x hex).</summary>
    public required string TransactionHash { get; init; }

    /// <summary>The block that includes it.</summary>
    public required ulong BlockNumber { get; init; }

    /// <summary>Whether execution succeeded (status 1); false means it reverted.</summary>
    public required bool Succeeded { get; init; }

    /// <summary>The sender.</summary>
    public required EthereumAddress From { get; init; }

    /// <summary>The callee; null for a contract creation.</summary>
    public EthereumAddress? To { get; init; }

    /// <summary>The created contract, for a creation.</summary>
    public EthereumAddress? ContractAddress { get; init; }

    /// <summary>Gas used by this transaction.</summary>
    public required ulong GasUsed { get; init; }

    /// <summary>The price paid per gas.</summary>
    public BigInteger EffectiveGasPrice { get; init; }

    /// <summary>The logs it emitted.</summary>
    public required IReadOnlyList<EthereumLog> Logs { get; init; }
}
