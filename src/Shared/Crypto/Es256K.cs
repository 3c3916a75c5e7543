using System.Security.Cryptography;

namespace Identity.Shared.Crypto;

/// <summary>ES256K: SHA-256 of the signing input, secp256k1 ECDSA, 64-byte r‖s, low-S and RFC 6979 when signing.</summary>
internal sealed class Es256K : SignatureAlgorithm
{
    internal static readonly Es256K Instance = new();

    private Es256K()
        : base("ES256K", KeyType.Secp256k1, Secp256k1.SignatureSize)
    {
    }

    private protected override byte[] SignCore(PrivateKey key, ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(data, hash);
        var signature = new byte[Secp256k1.SignatureSize];
        Secp256k1.Default.Sign(hash, key.Secret, signature);
        return signature;
    }

    private protected override bool VerifyCore(PublicKey key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(data, hash);
        return Secp256k1.Default.Verify(hash, signature, key.Bytes);
    }
}
