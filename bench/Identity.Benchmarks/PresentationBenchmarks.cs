using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Identity.Shared.Credentials;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Dids.Ethr;
using Identity.Shared.Ethereum;
using Identity.Shared.Jose;
using Identity.Shared.Verification;

namespace Identity.Benchmarks;

/// <summary>
/// Verifying a VP-JWT that carries one VC-JWT, holder and issuer both did:ethr signing with ES256K (kid
/// <c>#controller</c>, an address-only EcdsaSecp256k1RecoveryMethod2020), resolution warm in a
/// <see cref="CachingDidResolver"/> over an in-memory resolver that serves the documents our
/// <see cref="EthrDidResolver"/> builds for an identity with no registry history. No chain, no status list.
/// The baseline is the irreducible work: two libsecp256k1 public-key recoveries (one per signature); the fixture's
/// keys are chosen so that both signatures recover with recovery id 0, which is what the engine tries first, so
/// the engine also needs exactly two. The managed (BouncyCastle-based) recoveries are shown for the fallback:
/// the engine uses <see cref="Secp256k1.Default"/> and cannot be pointed at the managed code from outside.
/// The setup of <see cref="VerifyPresentation"/> also runs tests/node/bench-vp.mjs (did-jwt-vc on the same tokens
/// and documents) and prints its ops/s, so both figures come from one run.
/// </summary>
[MemoryDiagnoser]
public class PresentationBenchmarks : IDisposable
{
    internal const string Audience = "https://clinic.example";
    internal const string Nonce = "0f6c4c1e-5b7a-4d0e-9a56-2b1d1e3f7a90";

    private static readonly DateTimeOffset IssuedAt = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    internal static readonly VerificationOptions Options = new() { At = IssuedAt.AddDays(1) };

    private readonly byte[] output = new byte[Secp256k1.UncompressedPublicKeySize];
    private Fixture fixture = null!;
    private PresentationVerifier verifier = null!;
    private CachingDidResolver cache = null!;
    private Secp256k1 native = Secp256k1.Managed;

    [GlobalSetup(Targets = [nameof(TwoNativeRecoveries), nameof(TwoManagedRecoveries), nameof(DecodePresentation)])]
    public void Setup()
    {
        native = Secp256k1.Native ?? throw new InvalidOperationException("libsecp256k1 is not installed; run scripts/setup.sh.");
        fixture = Fixture.Create();
        var memory = new InMemoryDidResolver(fixture.Documents);
        cache = new CachingDidResolver(memory, new DidCacheOptions { TimeToLive = TimeSpan.FromDays(1) });
        verifier = new PresentationVerifier(cache, new CredentialVerifier(cache));
        var result = VerifyPresentation().GetAwaiter().GetResult();
        if (!result.Verified || result.Credentials.Count != 1)
        {
            throw new InvalidOperationException("The fixture does not verify: " + result.ToJson());
        }

        if (!TwoNativeRecoveries() || !TwoManagedRecoveries())
        {
            throw new InvalidOperationException("A baseline recovery failed.");
        }
    }

    [GlobalSetup(Target = nameof(VerifyPresentation))]
    public void SetupWithReference()
    {
        Setup();
        Console.WriteLine($"// engine secp256k1 = {Secp256k1.Default.Name} ({Secp256k1.ImplementationVariable}={Environment.GetEnvironmentVariable(Secp256k1.ImplementationVariable) ?? "unset"})");
        Console.WriteLine("// did-jwt-vc reference: " + RunReference());
    }

    [GlobalCleanup]
    public void Dispose()
    {
        cache?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "2 recoveries, libsecp256k1")]
    public bool TwoNativeRecoveries() =>
        native.TryRecover(fixture.PresentationHash, fixture.PresentationSignature, 0, output) &
        native.TryRecover(fixture.CredentialHash, fixture.CredentialSignature, 0, output);

    [Benchmark(Description = "2 recoveries, managed")]
    public bool TwoManagedRecoveries() =>
        Secp256k1.Managed.TryRecover(fixture.PresentationHash, fixture.PresentationSignature, 0, output) &
        Secp256k1.Managed.TryRecover(fixture.CredentialHash, fixture.CredentialSignature, 0, output);

    [Benchmark(Description = "VerifyAsync VP(1 VC), did:ethr ES256K, cached")]
    public Task<VerificationResult> VerifyPresentation() => verifier.VerifyAsync(fixture.Presentation, Audience, Nonce, Options);

    /// <summary>The decoding share of <see cref="VerifyPresentation"/>: both JWTs parsed and normalized, no signature.</summary>
    [Benchmark(Description = "decode VP + its VC, no signature")]
    public bool DecodePresentation() =>
        VcJwt.TryDecodePresentation(fixture.Presentation, null, out var presentation, out _) &&
        VcJwt.TryDecodeCredential(presentation.Presentation.Credentials[0].Token, null, out _, out _);

    private string RunReference()
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "Identity.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar));
        }

        if (root is null)
        {
            return "skipped (Identity.sln not found above " + AppContext.BaseDirectory + ")";
        }

        var documents = new JsonObject();
        foreach (var (did, document) in fixture.Documents)
        {
            documents[did] = JsonNode.Parse(document.ToJson());
        }

        var input = new JsonObject { ["presentation"] = fixture.Presentation, ["audience"] = Audience, ["nonce"] = Nonce, ["documents"] = documents, ["seconds"] = 3 };
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.Combine(root, "tests", "node"),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(root, "tests", "node", "bench-vp.mjs"));
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input.ToJsonString());
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                return "node ran longer than 60 s";
            }

            if (process.ExitCode != 0)
            {
                return $"node exited {process.ExitCode}: {stderr.Result}";
            }

            using var result = JsonDocument.Parse(stdout.Result);
            var perSecond = result.RootElement.GetProperty("operationsPerSecond").GetDouble();
            var micros = result.RootElement.GetProperty("microsecondsPerOperation").GetDouble();
            return string.Create(CultureInfo.InvariantCulture, $"{perSecond:F0} ops/s ({micros:F1} us/op), node {result.RootElement.GetProperty("node").GetString()}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return "node not found: " + e.Message;
        }
    }

    /// <summary>Serves fixed resolution results, as a warm cache would, with no I/O.</summary>
    internal sealed class InMemoryDidResolver(IReadOnlyDictionary<string, DidDocument> documents) : IDidResolver
    {
        public Task<DidResolutionResult> ResolveAsync(string didOrDidUrl, DidResolutionOptions? options = null, CancellationToken cancellationToken = default)
        {
            var did = didOrDidUrl.Split('#', '?')[0];
            return Task.FromResult(documents.TryGetValue(did, out var document)
                ? DidResolutionResult.Success(document, "application/did+ld+json")
                : DidResolutionResult.Failure(DidResolutionErrors.NotFound, "unknown DID"));
        }
    }

    internal sealed record Fixture(
        string Presentation,
        byte[] PresentationHash,
        byte[] PresentationSignature,
        byte[] CredentialHash,
        byte[] CredentialSignature,
        IReadOnlyDictionary<string, DidDocument> Documents)
    {
        public static Fixture Create()
        {
            // Deterministic keys (RFC 6979 signatures over fixed payloads): the first pair whose two signatures both
            // recover with id 0, so that engine and baseline do the same number of recoveries.
            for (var attempt = 0; ; attempt++)
            {
                using var issuerKey = PrivateKey.Import(KeyType.Secp256k1, SHA256.HashData(BitConverter.GetBytes(2 * attempt)));
                using var holderKey = PrivateKey.Import(KeyType.Secp256k1, SHA256.HashData(BitConverter.GetBytes((2 * attempt) + 1)));
                var issuer = EthrDid.Format(issuerKey.PublicKey.ToEthereumAddress());
                var holder = EthrDid.Format(holderKey.PublicKey.ToEthereumAddress());
                var credential = VerifiableCredential.Create(new JsonObject
                {
                    ["@context"] = new JsonArray(CredentialContexts.V1),
                    ["type"] = new JsonArray(CredentialTypes.VerifiableCredential, "HealthInsuranceCredential"),
                    ["issuer"] = issuer,
                    ["issuanceDate"] = VerifiableCredential.FormatDate(IssuedAt),
                    ["credentialSubject"] = new JsonObject { ["id"] = holder, ["name"] = "Ada Lovelace", ["insurer"] = "Example Health", ["memberId"] = "XH-123" },
                });
                var vc = VcJwt.SignCredential(credential, issuerKey, SignatureAlgorithm.ES256K, new JwtSigningOptions { KeyId = issuer + "#controller" });
                var vp = VcJwt.SignPresentation(
                    VerifiablePresentation.Create(DataModelVersion.V1_1, holder, [vc]),
                    holderKey,
                    SignatureAlgorithm.ES256K,
                    new JwtSigningOptions { KeyId = holder + "#controller", Audience = [Audience], Nonce = Nonce, IssuedAt = IssuedAt });
                var (vcHash, vcSignature) = HashAndSignature(vc);
                var (vpHash, vpSignature) = HashAndSignature(vp);
                if (RecoversWithIdZero(vcHash, vcSignature, issuerKey) && RecoversWithIdZero(vpHash, vpSignature, holderKey))
                {
                    return new Fixture(vp, vpHash, vpSignature, vcHash, vcSignature, new Dictionary<string, DidDocument>(StringComparer.Ordinal)
                    {
                        [issuer] = Document(issuer, issuerKey.PublicKey.ToEthereumAddress()),
                        [holder] = Document(holder, holderKey.PublicKey.ToEthereumAddress()),
                    });
                }
            }
        }

        private static (byte[] Hash, byte[] Signature) HashAndSignature(string token)
        {
            var jws = JwsCompact.Parse(token);
            return (SHA256.HashData(jws.SigningInput.Span), jws.Signature.ToArray());
        }

        private static bool RecoversWithIdZero(byte[] hash, byte[] signature, PrivateKey key)
        {
            Span<byte> recovered = stackalloc byte[Secp256k1.UncompressedPublicKeySize];
            return Secp256k1.Default.TryRecover(hash, signature, 0, recovered) &&
                EthereumAddress.FromUncompressedPublicKey(recovered) == key.PublicKey.ToEthereumAddress();
        }

        /// <summary>The document ethr-did-resolver (and our resolver) gives an identity without registry events, on mainnet.</summary>
        private static DidDocument Document(string did, EthereumAddress address)
        {
            var state = EthrDocumentBuilder.Build(did, address, null, BigInteger.One, [], null, IssuedAt.ToUnixTimeSeconds());
            var json = new JsonObject
            {
                ["@context"] = new JsonArray("https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/secp256k1recovery-2020/v2", "https://w3id.org/security/v3-unstable"),
            };
            foreach (var (name, value) in state.Document.ToList())
            {
                state.Document.Remove(name);
                json[name] = value;
            }

            return DidDocument.Parse(json.ToJsonString());
        }
    }
}
