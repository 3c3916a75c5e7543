using System.Security.Cryptography;

namespace Identity.Shared.Crypto;

/// <summary>
/// did-jwt's ES256K-R: the ES256K signature followed by the recovery id byte (0 or 1, not 27/28).
/// Verifying against a known key checks r‖s and that the recovery id leads back to that key.
/// </summary>
internal sealed class Es256KR : SignatureAlgorithm
{
    internal static readonly Es256KR Instance = new();

    private Es256KR()
        : base("ES256K-R", KeyType.Secp256k1, Secp256k1.SignatureSize + 1)
    {
    }

    private protected override byte[] SignCore(PrivateKey key, ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(data, hash);
        var signature = new byte[Secp256k1.SignatureSize + 1];
        signature[64] = (byte)Secp256k1.Default.Sign(hash, key.Secret, signature);
        return signature;
    }

    private protected override bool VerifyCore(PublicKey key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (signature[64] > 1)
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(data, hash);
        Span<byte> recovered = stackalloc byte[Secp256k1.UncompressedPublicKeySize];
        return Secp256k1.Default.TryRecover(hash, signature[..64], signature[64], recovered) && recovered.SequenceEqual(key.Bytes);
    }
}
