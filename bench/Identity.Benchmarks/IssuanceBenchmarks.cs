using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Identity.Issuer.CredentialTypes;
using Identity.Issuer.HolderProofs;
using Identity.Issuer.Issuance;
using Identity.Issuer.Keys;
using Identity.Issuer.Storage;
using Identity.Shared.Credentials;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Verification;
using Microsoft.Extensions.Options;

namespace Identity.Benchmarks;

/// <summary>
/// Issuance throughput with durable storage: the service's issuance path (claims and FHIR validation, a random
/// status entry reserved, the credential built and signed, stored with its audit record) on the real SQLite store
/// in a temporary directory, <see cref="Concurrency"/> issuances in flight per invocation so that the store commits
/// them in groups as it does under load. The holder proof is waived (in-person proofing): its cost is a DID
/// resolution and a verification, measured by <see cref="PresentationBenchmarks"/>. The baseline signs the same
/// credential with the same key, in the same run: what is left between the two is the service's own cost.
/// </summary>
[MemoryDiagnoser]
public class IssuanceBenchmarks : IDisposable
{
    /// <summary>Issuances in flight per invocation.</summary>
    public const int Concurrency = 256;

    private readonly string directory = Path.Combine(Path.GetTempPath(), "issuance-bench-" + Guid.NewGuid().ToString("N"));
    private SqliteIssuerStore? store;
    private CredentialIssuanceService service = null!;
    private IssuanceRequest request = null!;
    private VerifiableCredential credential = null!;
    private IssuerKey key = null!;

    /// <summary>The signature algorithm of the issuer key.</summary>
    [Params("ES256K", "EdDSA")]
    public string Algorithm { get; set; } = "EdDSA";

    [GlobalSetup]
    public void Setup()
    {
        var time = TimeProvider.System;
        var storage = new IssuerStorageOptions { DataDirectory = directory };
        store = new SqliteIssuerStore(storage, time);
        store.MigrateAsync().GetAwaiter().GetResult();

        var secp = PrivateKey.Generate(KeyType.Secp256k1);
        var did = "did:ethr:" + secp.PublicKey.ToEthereumAddress().ToLowerHex();
        var ring = new SignerKeyRing(did,
        [
            new IssuerKey(did + "#controller", new PrivateKeySigner(secp, SignatureAlgorithm.ES256K), Active: true),
            new IssuerKey(did + "#delegate-1", new PrivateKeySigner(PrivateKey.Generate(KeyType.Ed25519), SignatureAlgorithm.EdDSA), Active: true),
        ]);
        key = ring.ActiveKey(SignatureAlgorithm.TryGet(Algorithm, out var algorithm) ? algorithm : throw new InvalidOperationException(Algorithm));

        var catalog = CredentialTypeCatalog.CreateShipped();
        var limits = CredentialContentLimits.Default;
        var options = Options.Create(new IssuerOptions { PublicBaseUrl = new Uri("https://issuer.hospital.example/") });
        var resolver = new DidResolver([]);
        var presentations = new PresentationVerifier(resolver, new CredentialVerifier(resolver, null, time), time);
        service = new CredentialIssuanceService(
            store,
            ring,
            catalog,
            new ClaimsValidator(catalog, limits),
            new EvidenceValidator(time, limits),
            new HolderProofVerifier(presentations, store, options, time),
            options,
            Options.Create(storage),
            time);

        request = new IssuanceRequest
        {
            Subject = "did:ethr:0x" + Identity.Shared.Encoding.Hex.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)),
            Type = CredentialTypeNames.PatientIdentity,
            Claims = JsonNode.Parse("""
                {
                  "resourceType": "Patient",
                  "identifier": [ { "system": "urn:oid:1.2.36.146.595.217.0.1", "value": "12345" } ],
                  "name": [ { "use": "official", "family": "Chalmers", "given": [ "Peter", "James" ] } ],
                  "gender": "male",
                  "birthDate": "1974-12-25"
                }
                """)!.AsObject(),
            Algorithm = Algorithm,
            WaiveHolderProof = true,
        };

        var (issued, error) = service.IssueAsync(request, "bench", mayWaiveHolderProof: true, CancellationToken.None).GetAwaiter().GetResult();
        if (issued is null)
        {
            throw new InvalidOperationException("The fixture does not issue: " + error);
        }

        credential = VcJwt.TryDecodeCredential(issued.Credential, null, out var decoded, out _)
            ? decoded.Credential
            : throw new InvalidOperationException("The issued credential does not decode.");
    }

    /// <summary>Signing alone, the same credential with the same key: the floor of issuance.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Concurrency, Description = "sign only")]
    public async Task Sign()
    {
        var signing = new JwtSigningOptions { KeyId = key.KeyId };
        var tasks = new Task<string>[Concurrency];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = VcJwt.SignCredentialAsync(credential, key.Signer, signing).AsTask();
        }

        await Task.WhenAll(tasks);
    }

    /// <summary>The full issuance path, durable in SQLite before each task completes.</summary>
    [Benchmark(OperationsPerInvoke = Concurrency, Description = "issue (validate, reserve, sign, store)")]
    public async Task Issue()
    {
        var tasks = new Task[Concurrency];
        for (var i = 0; i < tasks.Length; i++)
        {
            // Task.Run: concurrent issuances proceed on the pool, as requests do in the service.
            tasks[i] = Task.Run(async () =>
            {
                var (issued, _) = await service.IssueAsync(request, "bench", mayWaiveHolderProof: true, CancellationToken.None);
                _ = issued ?? throw new InvalidOperationException("An issuance failed.");
            });
        }

        await Task.WhenAll(tasks);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        store?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        store = null;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
