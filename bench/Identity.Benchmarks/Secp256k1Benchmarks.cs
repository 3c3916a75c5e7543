using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Identity.Shared.Crypto;

namespace Identity.Benchmarks;

/// <summary>
/// libsecp256k1 (P/Invoke) against BouncyCastle for the three operations did:ethr needs. Each operation is its own
/// category with the native call as baseline, so the Ratio column reads "managed costs N× native".
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class Secp256k1Benchmarks
{
    private readonly byte[] hash = SHA256.HashData("eyJhbGciOiJFUzI1NksifQ.eyJzb21lIjoiZGF0YSJ9"u8);
    private readonly byte[] signature = new byte[Secp256k1.SignatureSize];
    private readonly byte[] publicKey = new byte[Secp256k1.UncompressedPublicKeySize];
    private readonly byte[] output = new byte[Secp256k1.UncompressedPublicKeySize];
    private readonly byte[] privateKey = Convert.FromHexString("278a5de700e29faae8e40e366ec5012b5ec63d36ec77e8a2417154cc1d25383f");
    private Secp256k1 native = Secp256k1.Managed;
    private int recoveryId;

    [GlobalSetup]
    public void Setup()
    {
        native = Secp256k1.Native ?? throw new InvalidOperationException("libsecp256k1 is not installed; run scripts/setup.sh.");
        recoveryId = native.Sign(hash, privateKey, signature);
        _ = native.TryGetPublicKey(privateKey, publicKey);
    }

    [Benchmark(Baseline = true, Description = "Verify native")]
    [BenchmarkCategory("Verify")]
    public bool VerifyNative() => native.Verify(hash, signature, publicKey);

    [Benchmark(Description = "Verify managed")]
    [BenchmarkCategory("Verify")]
    public bool VerifyManaged() => Secp256k1.Managed.Verify(hash, signature, publicKey);

    [Benchmark(Baseline = true, Description = "Recover native")]
    [BenchmarkCategory("Recover")]
    public bool RecoverNative() => native.TryRecover(hash, signature, recoveryId, output);

    [Benchmark(Description = "Recover managed")]
    [BenchmarkCategory("Recover")]
    public bool RecoverManaged() => Secp256k1.Managed.TryRecover(hash, signature, recoveryId, output);

    [Benchmark(Baseline = true, Description = "Sign native")]
    [BenchmarkCategory("Sign")]
    public int SignNative() => native.Sign(hash, privateKey, output);

    [Benchmark(Description = "Sign managed")]
    [BenchmarkCategory("Sign")]
    public int SignManaged() => Secp256k1.Managed.Sign(hash, privateKey, output);
}
