using System.Globalization;
using BenchmarkDotNet.Attributes;
using Identity.Shared.Dids;
using Identity.Shared.Dids.Ethr;

namespace Identity.Benchmarks;

/// <summary>
/// did:ethr resolution latency on a local anvil for identities with 0, 10 and 100 registry changes: ours, in full
/// and as a cached, unchanged resolution (<see cref="CachingDidResolver"/> re-validating with one <c>changed()</c>
/// call), and ethr-did-resolver's on the same chain, timed in node during the setup of <see cref="Resolve"/> and
/// printed (and appended to BenchmarkDotNet.Artifacts/results/ethr-did-resolver.txt) beside these results.
/// </summary>
[MemoryDiagnoser]
public class EthrResolutionBenchmarks : IDisposable
{
    private EthrResolutionChain? chain;
    private EthrDidResolver? resolver;
    private CachingDidResolver? cached;
    private CountingHandler? counter;
    private DidUrl? didUrl;
    private string did = string.Empty;

    /// <summary>Registry changes in the identity's history, one per block.</summary>
    [Params(0, 10, 100)]
    public int Changes { get; set; }

    [GlobalSetup(Target = nameof(Resolve))]
    public void SetupWithReference()
    {
        Setup();
        ReportEthrDidResolver();
    }

    [GlobalSetup(Target = nameof(ResolveCachedUnchanged))]
    public void Setup()
    {
        chain = EthrResolutionChain.StartAsync().GetAwaiter().GetResult();
        did = chain.CreateIdentityAsync(Changes).GetAwaiter().GetResult();
        didUrl = DidUrl.Parse(did);
        var options = new EthrDidOptions();
        options.Networks.Add(new EthrNetwork { Name = EthrResolutionChain.Network, ChainId = chain.ChainId, RpcUrl = chain.RpcUrl, Registry = chain.Registry.ToString() });
        counter = new CountingHandler();
        var http = new HttpClient(counter) { Timeout = Timeout.InfiniteTimeSpan };
        resolver = new EthrDidResolver(options, _ => http);
        cached = new CachingDidResolver(new DidResolver([resolver]), new DidCacheOptions(), [resolver]);

        var full = Resolve();
        if (!full.IsSuccess || (Changes > 0 && full.DidDocumentMetadata.VersionId is null))
        {
            throw new InvalidOperationException("Resolution failed: " + full.ToJson());
        }

        // The claim measured below: a cached, unchanged DID costs one HTTP round trip.
        _ = ResolveCachedUnchanged();
        var before = counter.Requests;
        var again = ResolveCachedUnchanged();
        if (counter.Requests - before != 1 || again.ToJson() != full.ToJson())
        {
            throw new InvalidOperationException($"A cached, unchanged resolution took {counter.Requests - before} requests.");
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        cached?.Dispose();
        chain?.Dispose();
        chain = null;
        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "ours, full resolution")]
    public DidResolutionResult Resolve() =>
        resolver!.ResolveAsync(didUrl!, new DidResolutionOptions(), CancellationToken.None).GetAwaiter().GetResult();

    [Benchmark(Description = "ours, cached and unchanged")]
    public DidResolutionResult ResolveCachedUnchanged() => cached!.ResolveAsync(did).GetAwaiter().GetResult();

    private void ReportEthrDidResolver()
    {
        // Enough repetitions for a stable mean without minutes of node time (the default provider stalls 10 ms per request).
        var tuned = chain!.TimeEthrDidResolverAsync(did, Changes >= 100 ? 20 : 100, tuned: true).GetAwaiter().GetResult();
        var defaults = chain.TimeEthrDidResolverAsync(did, Changes >= 100 ? 3 : 20, tuned: false).GetAwaiter().GetResult();
        var ours = System.Diagnostics.Stopwatch.StartNew();
        const int Repeat = 200;
        for (var i = 0; i < Repeat; i++)
        {
            _ = Resolve();
        }

        var oursMs = ours.Elapsed.TotalMilliseconds / Repeat;
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"ethr-did-resolver 11, {Changes} changes: tuned provider {tuned:0.000} ms, default provider {defaults:0.000} ms per resolution; ours (stopwatch, {Repeat} runs) {oursMs:0.000} ms: {tuned / oursMs:0.0}x faster than tuned");
        Console.WriteLine("// " + line);
        var results = Path.Combine(EthrResolutionChain.RepositoryRoot, "BenchmarkDotNet.Artifacts", "results");
        Directory.CreateDirectory(results);
        File.AppendAllText(Path.Combine(results, "ethr-did-resolver.txt"), line + Environment.NewLine);
    }

    /// <summary>Counts the HTTP requests the resolver sends.</summary>
    private sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        private int requests;

        public int Requests => Volatile.Read(ref requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
