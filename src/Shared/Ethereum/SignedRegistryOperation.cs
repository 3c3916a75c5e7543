using System.Numerics;
using Identity.Shared.Crypto;

namespace Identity.Shared.Ethereum;

/// <summary>
/// An operation signed by the identity's owner for a relay to submit (<c>…Signed</c> functions). Signing is
/// offline: the owner's wallet needs only the registry address and the current registry nonce.
/// </summary>
public sealed record SignedRegistryOperation
{
    private SignedRegistryOperation(RegistryOperation operation, EthereumAddress registry, BigInteger nonce, byte v, byte[] r, byte[] s)
    {
        Operation = operation;
        Registry = registry;
        Nonce = nonce;
        V = v;
        R = r;
        S = s;
    }

    /// <summary>The operation.</summary>
    public RegistryOperation Operation { get; }

    /// <summary>The registry the signature is bound to.</summary>
    public EthereumAddress Registry { get; }

    /// <summary>The registry nonce the signature is bound to.</summary>
    public BigInteger Nonce { get; }

    /// <summary>27 or 28, as <c>ecrecover</c> expects.</summary>
    public byte V { get; }

    /// <summary>The signature's r (32 bytes).</summary>
    public ReadOnlyMemory<byte> R { get; }

    /// <summary>The signature's s (32 bytes, low-S).</summary>
    public ReadOnlyMemory<byte> S { get; }

    /// <summary>Signs <see cref="RegistryOperation.GetMetaTransactionHash"/> raw with <paramref name="signer"/> (a secp256k1 key).</summary>
    public static SignedRegistryOperation Sign(RegistryOperation operation, EthereumAddress registry, BigInteger nonce, PrivateKey signer)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(signer);
        if (signer.Type != KeyType.Secp256k1)
        {
            throw new ArgumentException("Registry meta-transactions are signed with a secp256k1 key.", nameof(signer));
        }

        var signature = new byte[Secp256k1.SignatureSize];
        var recoveryId = Secp256k1.Default.Sign(operation.GetMetaTransactionHash(registry, nonce), signer.Secret, signature);
        return new SignedRegistryOperation(operation, registry, nonce, (byte)(27 + recoveryId), signature[..32], signature[32..]);
    }

    /// <summary>Wraps a signature produced elsewhere (a wallet); v may be 27/28 or 0/1. False on a malformed signature.</summary>
    public static bool TryCreate(RegistryOperation operation, EthereumAddress registry, BigInteger nonce, ReadOnlySpan<byte> signature65, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SignedRegistryOperation? signedOperation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        signedOperation = null;
        if (signature65.Length != 65 || signature65[64] is not (0 or 1 or 27 or 28))
        {
            return false;
        }

        var v = (byte)(signature65[64] < 27 ? signature65[64] + 27 : signature65[64]);
        signedOperation = new SignedRegistryOperation(operation, registry, nonce, v, signature65[..32].ToArray(), signature65[32..64].ToArray());
        return true;
    }

    /// <summary>Recovers who signed, as the contract's <c>ecrecover</c> would; false when nothing recovers.</summary>
    public bool TryRecoverSigner(out EthereumAddress signer)
    {
        signer = EthereumAddress.Zero;
        Span<byte> signature = stackalloc byte[Secp256k1.SignatureSize];
        R.Span.CopyTo(signature);
        S.Span.CopyTo(signature[32..]);
        Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeySize];
        if (V is not (27 or 28) || !Secp256k1.Default.TryRecover(Operation.GetMetaTransactionHash(Registry, Nonce), signature, V - 27, publicKey))
        {
            return false;
        }

        signer = EthereumAddress.FromUncompressedPublicKey(publicKey);
        return true;
    }

    /// <summary>Calldata of the <c>…Signed</c> call.</summary>
    public byte[] EncodeCall() => Operation.EncodeSignedCall(V, R.Span, S.Span);
}
