using System.Numerics;
using Identity.Shared.Crypto;

namespace Identity.Shared.Ethereum;

/// <summary>
/// A write to the ERC-1056 registry. It encodes itself as a direct call (sent by the owner) and as the
/// <c>…Signed</c> meta-transaction call (sent by anyone, carrying the owner's signature over
/// <see cref="GetMetaTransactionHash"/>).
/// </summary>
public abstract record RegistryOperation
{
    private protected RegistryOperation(EthereumAddress identity) => Identity = identity;

    /// <summary>The identity whose record changes.</summary>
    public EthereumAddress Identity { get; }

    /// <summary>Whether the legacy (mainnet) registry signs this operation over <c>nonce(identity)</c> instead of <c>nonce(owner)</c>.</summary>
    internal virtual bool UsesIdentityNonceOnLegacyRegistry => false;

    /// <summary>The function name inside the signed payload ("changeOwner", "addDelegate"…).</summary>
    private protected abstract string FunctionName { get; }

    /// <summary>Calldata of the direct call (the sender must be the identity's owner).</summary>
    public abstract byte[] EncodeCall();

    /// <summary>Calldata of the <c>…Signed</c> variant with the owner's signature.</summary>
    public abstract byte[] EncodeSignedCall(byte v, ReadOnlySpan<byte> r, ReadOnlySpan<byte> s);

    /// <summary>
    /// The digest the owner signs raw: keccak256(0x19 ‖ 0x00 ‖ registry ‖ nonce ‖ identity ‖ functionName ‖ packed arguments)
    /// (EIP-191 version 0, the registry as intended validator).
    /// </summary>
    public byte[] GetMetaTransactionHash(EthereumAddress registry, BigInteger nonce)
    {
        var buffer = new List<byte>(256) { 0x19, 0x00 };
        buffer.AddRange(registry.Bytes.ToArray());
        buffer.AddRange(EthereumDidRegistryAbi.Word(nonce));
        buffer.AddRange(Identity.Bytes.ToArray());
        buffer.AddRange(System.Text.Encoding.UTF8.GetBytes(FunctionName));
        AppendPackedArguments(buffer);
        return Keccak256.Hash([.. buffer]);
    }

    /// <summary>The arguments after the function name, <c>abi.encodePacked</c> style.</summary>
    private protected abstract void AppendPackedArguments(List<byte> buffer);

    private protected static byte[] SignatureWord(byte v) => EthereumDidRegistryAbi.Word(new BigInteger(v));

    private protected static byte[] Bytes32(ReadOnlySpan<byte> value) => EthereumDidRegistryAbi.Bytes32(value);
}
