using System.Security.Cryptography;

namespace Identity.Shared.Crypto;

/// <summary>ES256: P-256 ECDSA with SHA-256 and the 64-byte JOSE r‖s encoding, through the base library.</summary>
internal sealed class Es256 : SignatureAlgorithm
{
    internal static readonly Es256 Instance = new();

    private Es256()
        : base("ES256", KeyType.P256, 64)
    {
    }

    private protected override byte[] SignCore(PrivateKey key, ReadOnlySpan<byte> data)
    {
        using var ecdsa = ECDsa.Create(key.ToP256Parameters());
        return ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    // The key's cached ECDsa: re-importing the parameters on every call doubled the cost of a verification.
    private protected override bool VerifyCore(PublicKey key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        key.P256Verifier.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
}
