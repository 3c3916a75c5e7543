using System.Numerics;
using Identity.Shared.Crypto;

namespace Identity.Shared.Ethereum;

/// <summary><c>addDelegate(identity, delegateType, delegate, validity)</c>: valid until block time + <see cref="ValiditySeconds"/>.</summary>
public sealed record AddDelegateOperation : RegistryOperation
{
    private static readonly byte[] CallSelector = EthereumDidRegistryAbi.Selector("addDelegate(address,bytes32,address,uint256)");
    private static readonly byte[] SignedSelector = EthereumDidRegistryAbi.Selector("addDelegateSigned(address,uint8,bytes32,bytes32,bytes32,address,uint256)");
    private readonly byte[] type;

    /// <summary>Creates the operation; <paramref name="delegateType"/> must fit a bytes32 ("veriKey", "sigAuth").</summary>
    public AddDelegateOperation(EthereumAddress identity, string delegateType, EthereumAddress delegateAddress, ulong validitySeconds)
        : base(identity)
    {
        type = Bytes32String.Encode(delegateType);
        DelegateType = delegateType;
        Delegate = delegateAddress;
        ValiditySeconds = validitySeconds;
    }

    /// <summary>The delegate type.</summary>
    public string DelegateType { get; }

    /// <summary>The delegate account.</summary>
    public EthereumAddress Delegate { get; }

    /// <summary>How long the delegation lasts, in seconds from the including block.</summary>
    public ulong ValiditySeconds { get; }

    private protected override string FunctionName => "addDelegate";

    /// <inheritdoc />
    public override byte[] EncodeCall() =>
        EthereumDidRegistryAbi.Encode(CallSelector, EthereumDidRegistryAbi.Word(Identity), type, EthereumDidRegistryAbi.Word(Delegate), EthereumDidRegistryAbi.Word(new BigInteger(ValiditySeconds)));

    /// <inheritdoc />
    public override byte[] EncodeSignedCall(byte v, ReadOnlySpan<byte> r, ReadOnlySpan<byte> s) =>
        EthereumDidRegistryAbi.Encode(SignedSelector, EthereumDidRegistryAbi.Word(Identity), SignatureWord(v), Bytes32(r), Bytes32(s), type, EthereumDidRegistryAbi.Word(Delegate), EthereumDidRegistryAbi.Word(new BigInteger(ValiditySeconds)));

    private protected override void AppendPackedArguments(List<byte> buffer)
    {
        buffer.AddRange(type);
        buffer.AddRange(Delegate.Bytes.ToArray());
        buffer.AddRange(EthereumDidRegistryAbi.Word(new BigInteger(ValiditySeconds)));
    }
}
