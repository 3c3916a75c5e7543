using System.Numerics;

namespace Identity.Shared.Ethereum;

/// <summary><c>DIDAttributeChanged</c>: an attribute set (future <see cref="ValidTo"/>) or revoked (<see cref="ValidTo"/> = 0).</summary>
public sealed record DidAttributeChanged : RegistryEvent
{
    /// <summary>The raw bytes32 name.</summary>
    public required ReadOnlyMemory<byte> NameBytes { get; init; }

    /// <summary>The name as text ("did/pub/Ed25519/veriKey/base64"…), or null when the bytes are not UTF-8.</summary>
    public required string? Name { get; init; }

    /// <summary>The raw value bytes.</summary>
    public required ReadOnlyMemory<byte> Value { get; init; }

    /// <summary>Absolute expiry, Unix seconds (uint256).</summary>
    public required BigInteger ValidTo { get; init; }
}
