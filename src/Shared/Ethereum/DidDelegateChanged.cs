using System.Numerics;
using Identity.Shared.Crypto;

namespace Identity.Shared.Ethereum;

/// <summary><c>DIDDelegateChanged</c>: a delegate added (future <see cref="ValidTo"/>) or revoked (<see cref="ValidTo"/> = block time).</summary>
public sealed record DidDelegateChanged : RegistryEvent
{
    /// <summary>The raw bytes32 delegate type.</summary>
    public required ReadOnlyMemory<byte> DelegateTypeBytes { get; init; }

    /// <summary>The delegate type as text ("veriKey", "sigAuth"), or null when the bytes are not UTF-8.</summary>
    public required string? DelegateType { get; init; }

    /// <summary>The delegate account.</summary>
    public required EthereumAddress Delegate { get; init; }

    /// <summary>Absolute expiry, Unix seconds (uint256).</summary>
    public required BigInteger ValidTo { get; init; }
}
