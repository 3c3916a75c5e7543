using System.Numerics;

namespace Identity.Shared.Ethereum;

/// <summary>The header fields of a block that identity resolution and fee estimation use.</summary>
public sealed record EthereumBlockHeader
{
    /// <summary>The block number.</summary>
    public required ulong Number { get; init; }

    /// <summary>The block hash (lower-case 0x hex).</summary>
    public required string Hash { get; init; }

    /// <summary>Unix time in seconds.</summary>
    public required ulong Timestamp { get; init; }

    /// <summary>The EIP-1559 base fee, absent before London.</summary>
    public BigInteger? BaseFeePerGas { get; init; }
}
