namespace Identity.Shared.Crypto;

/// <summary>EdDSA with Ed25519 (RFC 8037), through NSec (libsodium).</summary>
internal sealed class Ed25519Algorithm : SignatureAlgorithm
{
    internal static readonly Ed25519Algorithm Instance = new();

    private Ed25519Algorithm()
        : base("EdDSA", KeyType.Ed25519, 64)
    {
    }

    private protected override byte[] SignCore(PrivateKey key, ReadOnlySpan<byte> data) =>
        NSec.Cryptography.SignatureAlgorithm.Ed25519.Sign(key.Ed25519Key, data);

    private protected override bool VerifyCore(PublicKey key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        NSec.Cryptography.SignatureAlgorithm.Ed25519.Verify(key.Ed25519Key, data, signature);
}
