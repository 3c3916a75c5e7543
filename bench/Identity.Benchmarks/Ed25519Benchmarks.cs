using BenchmarkDotNet.Attributes;
using Identity.Shared.Crypto;

namespace Identity.Benchmarks;

/// <summary>
/// EdDSA verification (NSec/libsodium) through <see cref="SignatureAlgorithm"/>, beside ES256K and ES256 on the same
/// JWS signing input, so a verifier's cost per algorithm can be read off one table (Ed25519 is the baseline).
/// </summary>
[MemoryDiagnoser]
public class Ed25519Benchmarks : IDisposable
{
    private readonly byte[] signingInput = "eyJhbGciOiJFZERTQSJ9.eyJzb21lIjoiZGF0YSJ9"u8.ToArray();
    private PrivateKey? ed25519;
    private PrivateKey? secp256k1;
    private PrivateKey? p256;
    private byte[] ed25519Signature = [];
    private byte[] es256KSignature = [];
    private byte[] es256Signature = [];

    [GlobalSetup]
    public void Setup()
    {
        // RFC 8032 TEST 1 seed; fixed keys keep runs comparable.
        ed25519 = PrivateKey.Import(KeyType.Ed25519, Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        secp256k1 = PrivateKey.Import(KeyType.Secp256k1, Convert.FromHexString("278a5de700e29faae8e40e366ec5012b5ec63d36ec77e8a2417154cc1d25383f"));
        p256 = PrivateKey.Import(KeyType.P256, Convert.FromHexString("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721"));
        ed25519Signature = SignatureAlgorithm.EdDSA.Sign(ed25519, signingInput);
        es256KSignature = SignatureAlgorithm.ES256K.Sign(secp256k1, signingInput);
        es256Signature = SignatureAlgorithm.ES256.Sign(p256, signingInput);
    }

    [Benchmark(Baseline = true, Description = "EdDSA verify")]
    public bool VerifyEd25519() => SignatureAlgorithm.EdDSA.Verify(ed25519!.PublicKey, signingInput, ed25519Signature);

    [Benchmark(Description = "EdDSA sign")]
    public byte[] SignEd25519() => SignatureAlgorithm.EdDSA.Sign(ed25519!, signingInput);

    [Benchmark(Description = "ES256K verify")]
    public bool VerifyEs256K() => SignatureAlgorithm.ES256K.Verify(secp256k1!.PublicKey, signingInput, es256KSignature);

    [Benchmark(Description = "ES256 verify")]
    public bool VerifyEs256() => SignatureAlgorithm.ES256.Verify(p256!.PublicKey, signingInput, es256Signature);

    [GlobalCleanup]
    public void Dispose()
    {
        ed25519?.Dispose();
        secp256k1?.Dispose();
        p256?.Dispose();
        GC.SuppressFinalize(this);
    }
}
