using Identity.Shared.Crypto;

namespace Identity.Shared.Ethereum;

/// <summary><c>changeOwner(identity, newOwner)</c>; the zero address deactivates the DID for good.</summary>
public sealed record ChangeOwnerOperation : RegistryOperation
{
    private static readonly byte[] CallSelector = EthereumDidRegistryAbi.Selector("changeOwner(address,address)");
    private static readonly byte[] SignedSelector = EthereumDidRegistryAbi.Selector("changeOwnerSigned(address,uint8,bytes32,bytes32,address)");

    /// <summary>Creates the operation.</summary>
    public ChangeOwnerOperation(EthereumAddress identity, EthereumAddress newOwner)
        : base(identity) => NewOwner = newOwner;

    /// <summary>The new owner.</summary>
    public EthereumAddress NewOwner { get; }

    private protected override string FunctionName => "changeOwner";

    /// <inheritdoc />
    public override byte[] EncodeCall() =>
        EthereumDidRegistryAbi.Encode(CallSelector, EthereumDidRegistryAbi.Word(Identity), EthereumDidRegistryAbi.Word(NewOwner));

    /// <inheritdoc />
    public override byte[] EncodeSignedCall(byte v, ReadOnlySpan<byte> r, ReadOnlySpan<byte> s) =>
        EthereumDidRegistryAbi.Encode(SignedSelector, EthereumDidRegistryAbi.Word(Identity), SignatureWord(v), Bytes32(r), Bytes32(s), EthereumDidRegistryAbi.Word(NewOwner));

    private protected override void AppendPackedArguments(List<byte> buffer) => buffer.AddRange(NewOwner.Bytes.ToArray());
}
