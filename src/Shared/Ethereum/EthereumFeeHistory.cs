using System.Numerics;

namespace Identity.Shared.Ethereum;

/// <summary>The answer of <c>eth_feeHistory</c>.</summary>
public sealed record EthereumFeeHistory
{
    /// <summary>The first block of the range.</summary>
    public required ulong OldestBlock { get; init; }

    /// <summary>Base fee per block, plus one extra entry: the next block's base fee.</summary>
    public required IReadOnlyList<BigInteger> BaseFeePerGas { get; init; }

    /// <summary>Per block, the priority fee at each requested percentile.</summary>
    public required IReadOnlyList<IReadOnlyList<BigInteger>> Reward { get; init; }
}
