using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Identity.Shared.Crypto;
using Identity.Shared.Jose;

namespace Identity.Benchmarks;

/// <summary>
/// A compact JWS verified end to end (parse, strict JSON, hash, signature) against the bare curve call on the same
/// bytes. Each category's baseline is the raw call a verifier cannot avoid (libsecp256k1 on the precomputed SHA-256,
/// or libsodium's Ed25519), so the Ratio column is the cost of everything the JWS layer adds; the goal is ≤ 1.15×
/// on the native path. The token is a VC-JWT-sized payload (~600 bytes of JSON) under a did-jwt-style header.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JwsBenchmarks : IDisposable
{
    private const string Issuer = "did:ethr:0xf3beac30c498d9e26865f34fcaa57dbb935b0d74";

    // ~600 bytes, shaped like a did-jwt-vc credential for a healthcare professional.
    private static readonly string Payload =
        "{\"vc\":{\"@context\":[\"https://www.w3.org/2018/credentials/v1\",\"https://w3id.org/vc/status-list/2021/v1\"]," +
        "\"type\":[\"VerifiableCredential\",\"HealthcareProfessionalCredential\"]," +
        "\"credentialSubject\":{\"name\":\"Dr. Alice Example\",\"profession\":\"General practitioner\"," +
        "\"licenseNumber\":\"GMC-7012345\",\"jurisdiction\":\"GB\",\"specialties\":[\"family medicine\",\"paediatrics\"]}," +
        "\"credentialStatus\":{\"id\":\"https://issuer.example/status/3#94567\",\"type\":\"BitstringStatusListEntry\"," +
        "\"statusPurpose\":\"revocation\",\"statusListIndex\":\"94567\",\"statusListCredential\":\"https://issuer.example/status/3\"}}," +
        "\"sub\":\"did:ethr:0x2d2b7a1d6a5b8c8f4f4b5d0c1e6a6f3d9f0b1c2d\",\"nbf\":1735689600,\"exp\":1767225600," +
        "\"jti\":\"urn:uuid:3978344f-8596-4c3a-a978-8fcaba3903c5\",\"iss\":\"" + Issuer + "\"}";

    private Secp256k1 native = Secp256k1.Managed;
    private PrivateKey? secp256k1Key;
    private PrivateKey? ed25519Key;
    private PublicKey? secp256k1PublicKey;
    private PublicKey? ed25519PublicKey;
    private EthereumAddress issuerAddress;
    private string es256KToken = string.Empty;
    private string es256KRToken = string.Empty;
    private string edDsaToken = string.Empty;
    private byte[] hash = [];
    private byte[] hashR = [];
    private byte[] es256KSignature = [];
    private byte[] es256KRSignature = [];
    private byte[] edDsaSigningInput = [];
    private byte[] edDsaSignature = [];
    private readonly byte[] recovered = new byte[Secp256k1.UncompressedPublicKeySize];

    [GlobalSetup]
    public void Setup()
    {
        native = Secp256k1.Native ?? throw new InvalidOperationException("libsecp256k1 is not installed; run scripts/setup.sh.");
        secp256k1Key = PrivateKey.Import(KeyType.Secp256k1, Convert.FromHexString("278a5de700e29faae8e40e366ec5012b5ec63d36ec77e8a2417154cc1d25383f"));
        ed25519Key = PrivateKey.Import(KeyType.Ed25519, Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        secp256k1PublicKey = secp256k1Key.PublicKey;
        ed25519PublicKey = ed25519Key.PublicKey;
        issuerAddress = secp256k1PublicKey.ToEthereumAddress();

        var payload = Encoding.UTF8.GetBytes(Payload);
        var header = new JwsHeaderParameters { Type = "JWT", KeyId = Issuer + "#controller" };
        es256KToken = JwsSigner.Sign(header, payload, secp256k1Key, SignatureAlgorithm.ES256K);
        es256KRToken = JwsSigner.Sign(header, payload, secp256k1Key, SignatureAlgorithm.ES256KR);
        edDsaToken = JwsSigner.Sign(header with { KeyId = "did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw#z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw" }, payload, ed25519Key, SignatureAlgorithm.EdDSA);

        var es256K = JwsCompact.Parse(es256KToken);
        hash = SHA256.HashData(es256K.SigningInput.Span);
        es256KSignature = es256K.Signature.ToArray();
        var es256KR = JwsCompact.Parse(es256KRToken);
        hashR = SHA256.HashData(es256KR.SigningInput.Span);
        es256KRSignature = es256KR.Signature.ToArray();
        var edDsa = JwsCompact.Parse(edDsaToken);
        edDsaSigningInput = edDsa.SigningInput.ToArray();
        edDsaSignature = edDsa.Signature.ToArray();

        // A benchmark that measures a failing path measures nothing: check every one succeeds once.
        if (!(VerifyRaw() && ParseVerifyNative() && ParseVerifyManaged() && RecoverRawTwice() && ParseRecoverNative() &&
              ParseRecoverManaged() && RecoverRawOnce() && ParseRecoverRNative() && VerifyEd25519Raw() && ParseVerifyEdDsa()))
        {
            throw new InvalidOperationException("A benchmarked path does not succeed on its token.");
        }
    }

    [Benchmark(Baseline = true, Description = "raw libsecp256k1 verify")]
    [BenchmarkCategory("ES256K verify")]
    public bool VerifyRaw() => native.Verify(hash, es256KSignature, secp256k1PublicKey!.Bytes);

    [Benchmark(Description = "JWS parse only")]
    [BenchmarkCategory("ES256K verify")]
    public bool ParseOnly() => JwsCompact.TryParse(es256KToken, out _, out _);

    [Benchmark(Description = "JWS parse+verify native")]
    [BenchmarkCategory("ES256K verify")]
    public bool ParseVerifyNative() => JwsCompact.TryParse(es256KToken, out var jws, out _) && jws.Verify(secp256k1PublicKey!);

    [Benchmark(Description = "raw managed verify")]
    [BenchmarkCategory("ES256K verify")]
    public bool VerifyRawManaged() => Secp256k1.Managed.Verify(hash, es256KSignature, secp256k1PublicKey!.Bytes);

    [Benchmark(Description = "JWS parse+verify managed")]
    [BenchmarkCategory("ES256K verify")]
    public bool ParseVerifyManaged() => JwsCompact.TryParse(es256KToken, out var jws, out _) && jws.Verify(secp256k1PublicKey!, Secp256k1.Managed);

    // did:ethr #controller holds an address only: did-jwt recovers with ids 0 and 1 and compares addresses.
    [Benchmark(Baseline = true, Description = "raw libsecp256k1 recover x2")]
    [BenchmarkCategory("ES256K recover")]
    public bool RecoverRawTwice() =>
        native.TryRecover(hash, es256KSignature, 0, recovered) | native.TryRecover(hash, es256KSignature, 1, recovered);

    [Benchmark(Description = "JWS parse+recover+address native")]
    [BenchmarkCategory("ES256K recover")]
    public bool ParseRecoverNative() => JwsCompact.TryParse(es256KToken, out var jws, out _) && MatchesIssuer(jws.RecoverSignerCandidates());

    [Benchmark(Description = "JWS parse+recover+address managed")]
    [BenchmarkCategory("ES256K recover")]
    public bool ParseRecoverManaged() => JwsCompact.TryParse(es256KToken, out var jws, out _) && MatchesIssuer(jws.RecoverSignerCandidates(Secp256k1.Managed));

    [Benchmark(Baseline = true, Description = "raw libsecp256k1 recover")]
    [BenchmarkCategory("ES256K-R recover")]
    public bool RecoverRawOnce() => native.TryRecover(hashR, es256KRSignature.AsSpan(0, 64), es256KRSignature[64], recovered);

    [Benchmark(Description = "JWS parse+recover+address native")]
    [BenchmarkCategory("ES256K-R recover")]
    public bool ParseRecoverRNative() => JwsCompact.TryParse(es256KRToken, out var jws, out _) && MatchesIssuer(jws.RecoverSignerCandidates());

    [Benchmark(Description = "JWS parse+recover+address managed")]
    [BenchmarkCategory("ES256K-R recover")]
    public bool ParseRecoverRManaged() => JwsCompact.TryParse(es256KRToken, out var jws, out _) && MatchesIssuer(jws.RecoverSignerCandidates(Secp256k1.Managed));

    [Benchmark(Baseline = true, Description = "raw Ed25519 verify")]
    [BenchmarkCategory("EdDSA verify")]
    public bool VerifyEd25519Raw() => NSec.Cryptography.SignatureAlgorithm.Ed25519.Verify(ed25519PublicKey!.Ed25519Key, edDsaSigningInput, edDsaSignature);

    [Benchmark(Description = "JWS parse+verify")]
    [BenchmarkCategory("EdDSA verify")]
    public bool ParseVerifyEdDsa() => JwsCompact.TryParse(edDsaToken, out var jws, out _) && jws.Verify(ed25519PublicKey!);

    [GlobalCleanup]
    public void Dispose()
    {
        secp256k1Key?.Dispose();
        ed25519Key?.Dispose();
        GC.SuppressFinalize(this);
    }

    private bool MatchesIssuer(IReadOnlyList<PublicKey> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (candidate.ToEthereumAddress().Equals(issuerAddress))
            {
                return true;
            }
        }

        return false;
    }
}
