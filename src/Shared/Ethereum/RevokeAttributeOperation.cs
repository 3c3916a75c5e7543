using Identity.Shared.Crypto;

namespace Identity.Shared.Ethereum;

/// <summary><c>revokeAttribute(identity, name, value)</c>: an event with validTo 0; name and value must repeat the ones set.</summary>
public sealed record RevokeAttributeOperation : RegistryOperation
{
    private static readonly byte[] CallSelector = EthereumDidRegistryAbi.Selector("revokeAttribute(address,bytes32,bytes)");
    private static readonly byte[] SignedSelector = EthereumDidRegistryAbi.Selector("revokeAttributeSigned(address,uint8,bytes32,bytes32,bytes32,bytes)");
    private readonly byte[] name;
    private readonly byte[] value;

    /// <summary>Creates the operation; <paramref name="attributeName"/> must fit a bytes32.</summary>
    public RevokeAttributeOperation(EthereumAddress identity, string attributeName, ReadOnlySpan<byte> attributeValue)
        : base(identity)
    {
        name = Bytes32String.Encode(attributeName);
        value = attributeValue.ToArray();
        Name = attributeName;
    }

    /// <summary>The attribute name.</summary>
    public string Name { get; }

    /// <summary>The raw value.</summary>
    public ReadOnlyMemory<byte> Value => value;

    internal override bool UsesIdentityNonceOnLegacyRegistry => true;

    private protected override string FunctionName => "revokeAttribute";

    /// <inheritdoc />
    public override byte[] EncodeCall() =>
        EthereumDidRegistryAbi.Encode(CallSelector, EthereumDidRegistryAbi.Word(Identity), name, new EthereumDidRegistryAbi.DynamicBytes(value));

    /// <inheritdoc />
    public override byte[] EncodeSignedCall(byte v, ReadOnlySpan<byte> r, ReadOnlySpan<byte> s) =>
        EthereumDidRegistryAbi.Encode(SignedSelector, EthereumDidRegistryAbi.Word(Identity), SignatureWord(v), Bytes32(r), Bytes32(s), name, new EthereumDidRegistryAbi.DynamicBytes(value));

    private protected override void AppendPackedArguments(List<byte> buffer)
    {
        buffer.AddRange(name);
        buffer.AddRange(value);
    }
}
