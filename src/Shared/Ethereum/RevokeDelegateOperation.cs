using Identity.Shared.Crypto;

namespace Identity.Shared.Ethereum;

/// <summary><c>revokeDelegate(identity, delegateType, delegate)</c>: the delegation ends at the including block's time.</summary>
public sealed record RevokeDelegateOperation : RegistryOperation
{
    private static readonly byte[] CallSelector = EthereumDidRegistryAbi.Selector("revokeDelegate(address,bytes32,address)");
    private static readonly byte[] SignedSelector = EthereumDidRegistryAbi.Selector("revokeDelegateSigned(address,uint8,bytes32,bytes32,bytes32,address)");
    private readonly byte[] type;

    /// <summary>Creates the operation; <paramref name="delegateType"/> must fit a bytes32.</summary>
    public RevokeDelegateOperation(EthereumAddress identity, string delegateType, EthereumAddress delegateAddress)
        : base(identity)
    {
        type = Bytes32String.Encode(delegateType);
        DelegateType = delegateType;
        Delegate = delegateAddress;
    }

    /// <summary>The delegate type.</summary>
    public string DelegateType { get; }

    /// <summary>The delegate account.</summary>
    public EthereumAddress Delegate { get; }

    private protected override string FunctionName => "revokeDelegate";

    /// <inheritdoc />
    public override byte[] EncodeCall() =>
        EthereumDidRegistryAbi.Encode(CallSelector, EthereumDidRegistryAbi.Word(Identity), type, EthereumDidRegistryAbi.Word(Delegate));

    /// <inheritdoc />
    public override byte[] EncodeSignedCall(byte v, ReadOnlySpan<byte> r, ReadOnlySpan<byte> s) =>
        EthereumDidRegistryAbi.Encode(SignedSelector, EthereumDidRegistryAbi.Word(Identity), SignatureWord(v), Bytes32(r), Bytes32(s), type, EthereumDidRegistryAbi.Word(Delegate));

    private protected override void AppendPackedArguments(List<byte> buffer)
    {
        buffer.AddRange(type);
        buffer.AddRange(Delegate.Bytes.ToArray());
    }
}
