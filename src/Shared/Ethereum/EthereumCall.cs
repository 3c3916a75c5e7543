using System.Numerics;
using Identity.Shared.Crypto;

namespace Identity.Shared.Ethereum;

/// <summary>A message call for <c>eth_call</c> and <c>eth_estimateGas</c>.</summary>
public sealed record EthereumCall
{
    /// <summary>The sender (matters for <c>msg.sender</c> checks such as ERC-1056's owner check).</summary>
    public EthereumAddress? From { get; init; }

    /// <summary>The callee; null to estimate a contract creation.</summary>
    public EthereumAddress? To { get; init; }

    /// <summary>The calldata.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>Wei sent along.</summary>
    public BigInteger Value { get; init; }
}
