using System.Numerics;
using Identity.Shared.Crypto;

namespace Identity.Shared.Ethereum;

/// <summary><c>setAttribute(identity, name, value, validity)</c>: only an event, valid until block time + <see cref="ValiditySeconds"/>.</summary>
public sealed record SetAttributeOperation : RegistryOperation
{
    private static readonly byte[] CallSelector = EthereumDidRegistryAbi.Selector("setAttribute(address,bytes32,bytes,uint256)");
    private static readonly byte[] SignedSelector = EthereumDidRegistryAbi.Selector("setAttributeSigned(address,uint8,bytes32,bytes32,bytes32,bytes,uint256)");
    private readonly byte[] name;
    private readonly byte[] value;

    /// <summary>Creates the operation; <paramref name="attributeName"/> must fit a bytes32 ("did/pub/Ed25519/veriKey/base64").</summary>
    public SetAttributeOperation(EthereumAddress identity, string attributeName, ReadOnlySpan<byte> attributeValue, ulong validitySeconds)
        : base(identity)
    {
        name = Bytes32String.Encode(attributeName);
        value = attributeValue.ToArray();
        Name = attributeName;
        ValiditySeconds = validitySeconds;
    }

    /// <summary>The attribute name.</summary>
    public string Name { get; }

    /// <summary>The raw value (a key's bytes, or a service endpoint's UTF-8).</summary>
    public ReadOnlyMemory<byte> Value => value;

    /// <summary>How long the attribute lasts, in seconds from the including block.</summary>
    public ulong ValiditySeconds { get; }

    internal override bool UsesIdentityNonceOnLegacyRegistry => true;

    private protected override string FunctionName => "setAttribute";

    /// <inheritdoc />
    public override byte[] EncodeCall() =>
        EthereumDidRegistryAbi.Encode(CallSelector, EthereumDidRegistryAbi.Word(Identity), name, new EthereumDidRegistryAbi.DynamicBytes(value), EthereumDidRegistryAbi.Word(new BigInteger(ValiditySeconds)));

    /// <inheritdoc />
    public override byte[] EncodeSignedCall(byte v, ReadOnlySpan<byte> r, ReadOnlySpan<byte> s) =>
        EthereumDidRegistryAbi.Encode(SignedSelector, EthereumDidRegistryAbi.Word(Identity), SignatureWord(v), Bytes32(r), Bytes32(s), name, new EthereumDidRegistryAbi.DynamicBytes(value), EthereumDidRegistryAbi.Word(new BigInteger(ValiditySeconds)));

    private protected override void AppendPackedArguments(List<byte> buffer)
    {
        buffer.AddRange(name);
        buffer.AddRange(value);
        buffer.AddRange(EthereumDidRegistryAbi.Word(new BigInteger(ValiditySeconds)));
    }
}
