using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Shared.Credentials;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Dids.Ethr;
using Identity.Shared.Ethereum;
using Identity.Shared.Jose;
using Identity.Shared.StatusLists;

namespace Identity.Shared.Verification;

/// <summary>
/// Runs the verification hot paths on self-made data, with no network and no shared state, so that a fresh process
/// serves its first requests with optimized code rather than tier-0 JIT output (measured 3–4× slower for the first
/// ~20 s without it; see docs/performance.md). Call it once at start-up, e.g. from a hosted service, before the
/// instance reports ready.
/// </summary>
/// <remarks>
/// A round verifies a VP-JWT holding a VC-JWT (did:ethr holder and issuer, ES256K, through a
/// <see cref="CachingDidResolver"/> over in-memory documents), parses and recovers an ES256K-R token, verifies an
/// ES256K token with a key and an EdDSA token, builds a did:ethr document from a registry history (Keccak-256 included) and parses it, and decodes a
/// status list. The runtime promotes a method after about 30 calls once start-up JIT activity has been quiet for
/// 100 ms, and with TieredPGO (the default) in two steps — instrumented, then optimized — each compiled in the
/// background; how long that takes depends on the machine's load. So the warm-up runs <see cref="MinimumRounds"/>
/// rounds, then goes on in windows of at least 250 ms until the round rate has stopped improving (by 5 %) for two
/// windows in a row and the last window compiled no method (<see cref="JitInfo.GetCompiledMethodCount"/>: under
/// TieredPGO the rate looks flat between the instrumented and the optimized tier while promotions are still being
/// compiled), the budget is spent, or <see cref="MaximumRounds"/> rounds have run.
/// </remarks>
public static class VerificationWarmup
{
    /// <summary>The rounds always run when the budget allows (beyond every call-count threshold of the runtime).</summary>
    public const int MinimumRounds = 300;

    /// <summary>The most rounds run, steady or not.</summary>
    public const int MaximumRounds = 20_000;

    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(250);

    private const string Audience = "https://warmup.invalid";
    private const string Nonce = "warmup";

    private static readonly DateTimeOffset IssuedAt = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Runs rounds until the rate is steady (see the remarks of <see cref="VerificationWarmup"/>), stopping early when
    /// <paramref name="budget"/> has elapsed or <paramref name="cancellationToken"/> is cancelled. A budget of 10–20 s
    /// is enough on an idle machine; the warm-up returns as soon as it is steady. Never throws on its own data: a path that does not give
    /// the expected outcome is listed in <see cref="VerificationWarmupResult.Problems"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="budget"/> is not positive.</exception>
    public static VerificationWarmupResult Run(TimeSpan budget, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(budget, TimeSpan.Zero);
        var started = Stopwatch.GetTimestamp();
        var problems = new SortedSet<string>(StringComparer.Ordinal);
        var rounds = 0;
        var steady = false;
        var bestRate = 0.0;
        try
        {
            using var data = Data.Create();
            bool Continue() => rounds < MaximumRounds && Stopwatch.GetElapsedTime(started) < budget && !cancellationToken.IsCancellationRequested;
            while (rounds < MinimumRounds && Continue())
            {
                data.Round(problems);
                rounds++;
            }

            var windowsWithoutGain = 0;
            var compiledMethodsBefore = JitInfo.GetCompiledMethodCount();
            while (!steady && Continue())
            {
                var windowStart = Stopwatch.GetTimestamp();
                var windowRounds = 0;
                while (Stopwatch.GetElapsedTime(windowStart) < Window && Continue())
                {
                    data.Round(problems);
                    rounds++;
                    windowRounds++;
                }

                var rate = windowRounds / Stopwatch.GetElapsedTime(windowStart).TotalSeconds;
                windowsWithoutGain = rate > bestRate * 1.05 ? 0 : windowsWithoutGain + 1;
                bestRate = Math.Max(bestRate, rate);
                var compiledMethods = JitInfo.GetCompiledMethodCount();
                var jitQuiet = compiledMethods == compiledMethodsBefore;
                compiledMethodsBefore = compiledMethods;
                steady = windowsWithoutGain >= 2 && jitQuiet;
            }
        }
#pragma warning disable CA1031 // A warm-up must never take the service down; what broke is reported instead.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            problems.Add($"the warm-up threw {exception.GetType().Name}: {exception.Message}");
        }

        return new VerificationWarmupResult
        {
            Iterations = rounds,
            Elapsed = Stopwatch.GetElapsedTime(started),
            Completed = steady,
            RoundsPerSecond = bestRate,
            Secp256k1Implementation = Secp256k1.Default.Name,
            Paths = Data.Paths,
            Problems = [.. problems],
        };
    }

    /// <summary><see cref="Run"/> on the thread pool, for a hosted service's <c>StartAsync</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="budget"/> is not positive.</exception>
    public static Task<VerificationWarmupResult> RunAsync(TimeSpan budget, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(budget, TimeSpan.Zero);
        return Task.Run(() => Run(budget, cancellationToken), cancellationToken);
    }

    /// <summary>Keys, tokens and documents made once per run; <see cref="Round"/> uses them read-only.</summary>
    private sealed class Data : IDisposable
    {
        public static readonly IReadOnlyList<string> Paths =
        [
            "VP-JWT verify (did:ethr, ES256K, cached resolution)",
            "JWS parse + ES256K-R recovery",
            "JWS parse + ES256K verify with a key",
            "JWS parse + EdDSA verify",
            "did:ethr document build + parse (Keccak-256)",
            "status list decode",
        ];

        private readonly CachingDidResolver cache;
        private readonly PresentationVerifier verifier;
        private readonly VerificationOptions options = new() { At = IssuedAt.AddDays(1) };
        private readonly string presentation;
        private readonly string recoverableToken;
        private readonly EthereumAddress recoverableSigner;
        private readonly string keyedToken;
        private readonly PublicKey keyedKey;
        private readonly string edDsaToken;
        private readonly PublicKey edDsaKey;
        private readonly string ethrDid;
        private readonly EthereumAddress ethrAddress;
        private readonly DidAttributeChanged[] history;
        private readonly string statusList;

        private Data(
            CachingDidResolver cache, string presentation, string recoverableToken, EthereumAddress recoverableSigner, string keyedToken, PublicKey keyedKey, string edDsaToken,
            PublicKey edDsaKey, string ethrDid, EthereumAddress ethrAddress, DidAttributeChanged[] history, string statusList)
        {
            this.cache = cache;
            verifier = new PresentationVerifier(cache, new CredentialVerifier(cache));
            this.presentation = presentation;
            this.recoverableToken = recoverableToken;
            this.recoverableSigner = recoverableSigner;
            this.keyedToken = keyedToken;
            this.keyedKey = keyedKey;
            this.edDsaToken = edDsaToken;
            this.edDsaKey = edDsaKey;
            this.ethrDid = ethrDid;
            this.ethrAddress = ethrAddress;
            this.history = history;
            this.statusList = statusList;
        }

        public static Data Create()
        {
            // Fixed, public scalars: the warm-up proves nothing about anyone and must not touch the OS RNG at start-up.
            using var issuerKey = PrivateKey.Import(KeyType.Secp256k1, SHA256.HashData("identity warm-up issuer"u8));
            using var holderKey = PrivateKey.Import(KeyType.Secp256k1, SHA256.HashData("identity warm-up holder"u8));
            using var edKey = PrivateKey.Import(KeyType.Ed25519, SHA256.HashData("identity warm-up ed25519"u8));
            var issuerAddress = issuerKey.PublicKey.ToEthereumAddress();
            var holderAddress = holderKey.PublicKey.ToEthereumAddress();
            var issuer = EthrDid.Format(issuerAddress);
            var holder = EthrDid.Format(holderAddress);

            var credential = VerifiableCredential.Create(new JsonObject
            {
                ["@context"] = new JsonArray(CredentialContexts.V1),
                ["type"] = new JsonArray(CredentialTypes.VerifiableCredential, "WarmupCredential"),
                ["issuer"] = issuer,
                ["issuanceDate"] = VerifiableCredential.FormatDate(IssuedAt),
                ["credentialSubject"] = new JsonObject { ["id"] = holder, ["name"] = "Warm-up" },
            });
            var vc = VcJwt.SignCredential(credential, issuerKey, SignatureAlgorithm.ES256K, new JwtSigningOptions { KeyId = issuer + "#controller" });
            var vp = VcJwt.SignPresentation(
                VerifiablePresentation.Create(DataModelVersion.V1_1, holder, [vc]),
                holderKey,
                SignatureAlgorithm.ES256K,
                new JwtSigningOptions { KeyId = holder + "#controller", Audience = [Audience], Nonce = Nonce, IssuedAt = IssuedAt });

            var history = new[] { Attribute(issuerAddress, holderKey.PublicKey) };
            var documents = new Dictionary<string, DidResolutionResult>(StringComparer.Ordinal)
            {
                [issuer] = DidResolutionResult.Success(BuildDocument(issuer, issuerAddress, history), "application/did+ld+json"),
                [holder] = DidResolutionResult.Success(BuildDocument(holder, holderAddress, []), "application/did+ld+json"),
            };
            var cache = new CachingDidResolver(new FixedResolver(documents), new DidCacheOptions { TimeToLive = TimeSpan.FromHours(1) });

            var bits = new byte[BitstringStatusList.MinimumBytes];
            bits[5] = 0x80;
            return new Data(
                cache,
                vp,
                JwsSigner.Sign(null, "{\"warmup\":true}"u8, issuerKey, SignatureAlgorithm.ES256KR),
                issuerAddress,
                JwsSigner.Sign(null, "{\"warmup\":true}"u8, holderKey, SignatureAlgorithm.ES256K),
                holderKey.PublicKey,
                JwsSigner.Sign(null, "{\"warmup\":true}"u8, edKey, SignatureAlgorithm.EdDSA),
                edKey.PublicKey,
                issuer,
                issuerAddress,
                history,
                new BitstringStatusList(bits).Encode());
        }

        public void Round(ISet<string> problems)
        {
            // The in-memory resolver completes synchronously, so waiting here never blocks on I/O.
            var result = verifier.VerifyAsync(presentation, Audience, Nonce, options).GetAwaiter().GetResult();
            Expect(result.Verified && result.Credentials.Count == 1, 0, problems);

            // A fresh parse each round: recoveries are cached per token.
            Expect(JwsCompact.TryParse(recoverableToken, out var recoverable, out _) && recoverable.IsSignedByAddress(recoverableSigner), 1, problems);
            Expect(JwsCompact.TryParse(keyedToken, out var keyed, out _) && keyed.Verify(keyedKey), 2, problems);
            Expect(JwsCompact.TryParse(edDsaToken, out var edDsa, out _) && edDsa.Verify(edDsaKey), 3, problems);

            Expect(TryBuildDocument(ethrDid, ethrAddress, history, out var document) && document.VerificationMethod?.Count == 2, 4, problems);

            Expect(
                BitstringStatusList.TryDecode(statusList, StatusListFormat.BitstringStatusList, null, out var list, out _) &&
                list.GetStatus(40) == 1 && list.GetStatus(41) == 0,
                5,
                problems);
        }

        public void Dispose() => cache.Dispose();

        private static void Expect(bool outcome, int path, ISet<string> problems)
        {
            if (!outcome)
            {
                problems.Add(Paths[path]);
            }
        }

        /// <summary>What <see cref="EthrDidResolver"/> does with a replayed history, minus the chain.</summary>
        private static bool TryBuildDocument(string did, EthereumAddress address, IReadOnlyList<RegistryEvent> history, [NotNullWhen(true)] out DidDocument? document)
        {
            var state = EthrDocumentBuilder.Build(did, address, null, BigInteger.One, history, null, IssuedAt.AddDays(1).ToUnixTimeSeconds());
            return DidDocument.TryParse(JsonSerializer.SerializeToElement(state.Document), out document, out _);
        }

        private static DidDocument BuildDocument(string did, EthereumAddress address, IReadOnlyList<RegistryEvent> history) =>
            TryBuildDocument(did, address, history, out var document)
                ? document
                : throw new InvalidOperationException("The warm-up's did:ethr document does not parse.");

        /// <summary>A <c>did/pub/Secp256k1/veriKey/hex</c> attribute, as a registry history would hold it.</summary>
        private static DidAttributeChanged Attribute(EthereumAddress identity, PublicKey key)
        {
            const string name = "did/pub/Secp256k1/veriKey/hex";
            var nameBytes = new byte[32];
            System.Text.Encoding.ASCII.GetBytes(name, nameBytes);
            return new DidAttributeChanged
            {
                Identity = identity,
                PreviousChange = 0,
                BlockNumber = 1,
                LogIndex = 0,
                TransactionHash = "0x" + new string('0', 64),
                NameBytes = nameBytes,
                Name = name,
                Value = key.ToCompressed(),
                ValidTo = new BigInteger(IssuedAt.AddYears(100).ToUnixTimeSeconds()),
            };
        }
    }

    /// <summary>Serves fixed results, as a warm cache's inner resolver would, with no I/O.</summary>
    private sealed class FixedResolver(IReadOnlyDictionary<string, DidResolutionResult> results) : IDidResolver
    {
        public Task<DidResolutionResult> ResolveAsync(string didOrDidUrl, DidResolutionOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(DidUrl.TryParse(didOrDidUrl, out var didUrl) && results.TryGetValue(didUrl.Did.Value, out var result)
                ? result
                : DidResolutionResult.Failure(DidResolutionErrors.NotFound, "The warm-up knows no such DID."));
    }
}
