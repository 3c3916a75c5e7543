using Identity.Shared.Dids;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Identity.Shared.Tests.Dids;

public sealed class CachingDidResolverTests : IDisposable
{
    private readonly TestMethodResolver method = new();
    private readonly ManualTimeProvider time = new();
    private readonly List<IDisposable> disposables = [];

    public void Dispose()
    {
        foreach (var disposable in disposables)
        {
            disposable.Dispose();
        }
    }

    private CachingDidResolver Create(DidCacheOptions? options = null, IDistributedCache? distributed = null, bool revalidating = true)
    {
        IDidMethodResolver[] methods = [method];
        var cache = new CachingDidResolver(new DidResolver(methods), options ?? new DidCacheOptions { RevalidateAfter = TimeSpan.FromSeconds(30) }, revalidating ? methods : [], time, distributed);
        disposables.Add(cache);
        return cache;
    }

    [Fact]
    public async Task ResolveAsync_SecondCallWithinTtl_ServedFromCache()
    {
        var cache = Create();
        var first = await cache.ResolveAsync("did:test:1");
        var second = await cache.ResolveAsync("did:test:1#key-1");
        Assert.Same(first, second);
        Assert.Equal(1, method.ResolveCalls);
    }

    [Fact]
    public async Task ResolveAsync_DifferentAcceptOrVersion_SeparateEntries()
    {
        var cache = Create();
        await cache.ResolveAsync("did:test:1");
        await cache.ResolveAsync("did:test:1", new DidResolutionOptions { Accept = DidContentTypes.DidJson });
        await cache.ResolveAsync("did:test:1?versionId=1");
        Assert.Equal(3, method.ResolveCalls);
    }

    [Fact]
    public async Task ResolveAsync_Errors_NotCached()
    {
        var cache = Create();
        method.Fail = true;
        await cache.ResolveAsync("did:test:1");
        await cache.ResolveAsync("did:test:1");
        await cache.ResolveAsync("did:nope:1");
        Assert.Equal(2, method.ResolveCalls);
    }

    [Fact]
    public async Task ResolveAsync_PastTtl_ResolvesAgain()
    {
        var cache = Create(new DidCacheOptions { TimeToLive = TimeSpan.FromMinutes(1) }, revalidating: false);
        await cache.ResolveAsync("did:test:1");
        time.Advance(TimeSpan.FromSeconds(59));
        await cache.ResolveAsync("did:test:1");
        Assert.Equal(1, method.ResolveCalls);
        time.Advance(TimeSpan.FromSeconds(2));
        await cache.ResolveAsync("did:test:1");
        Assert.Equal(2, method.ResolveCalls);
    }

    [Fact]
    public async Task ResolveAsync_RevalidatedCurrent_ServedWithoutResolving()
    {
        var cache = Create();
        var first = await cache.ResolveAsync("did:test:1");
        time.Advance(TimeSpan.FromSeconds(31));
        var second = await cache.ResolveAsync("did:test:1");
        Assert.Same(first, second);
        Assert.Equal(1, method.ResolveCalls);
        Assert.Equal(1, method.RevalidateCalls);

        // Just confirmed: not asked again within RevalidateAfter.
        time.Advance(TimeSpan.FromSeconds(10));
        await cache.ResolveAsync("did:test:1");
        Assert.Equal(1, method.RevalidateCalls);
    }

    [Fact]
    public async Task ResolveAsync_RevalidatedChanged_ResolvesFreshDocument()
    {
        var cache = Create();
        await cache.ResolveAsync("did:test:1");
        method.Version = 2;
        time.Advance(TimeSpan.FromSeconds(31));
        var fresh = await cache.ResolveAsync("did:test:1");
        Assert.Equal("2", fresh.DidDocumentMetadata.VersionId);
        Assert.Equal(2, method.ResolveCalls);
    }

    [Fact]
    public async Task ResolveAsync_RevalidationThrows_ResolvesInsteadOfServingStale()
    {
        var cache = Create();
        await cache.ResolveAsync("did:test:1");
        method.ThrowOnRevalidate = true;
        method.Fail = true;
        time.Advance(TimeSpan.FromSeconds(31));
        var result = await cache.ResolveAsync("did:test:1");
        Assert.Equal(DidResolutionErrors.NotFound, result.DidResolutionMetadata.Error);

        // The stale entry is gone: once the method recovers, a fresh resolution happens.
        method.Fail = false;
        method.ThrowOnRevalidate = false;
        await cache.ResolveAsync("did:test:1");
        Assert.Equal(3, method.ResolveCalls);
    }

    [Fact]
    public async Task ResolveAsync_DefaultPolicy_RevalidatesEveryUse()
    {
        var cache = Create(new DidCacheOptions());
        await cache.ResolveAsync("did:test:1");
        await cache.ResolveAsync("did:test:1");
        await cache.ResolveAsync("did:test:1");
        Assert.Equal(1, method.ResolveCalls);
        Assert.Equal(2, method.RevalidateCalls);
    }

    [Fact]
    public async Task ResolveAsync_MemorySizeLimit_EvictsInsteadOfGrowing()
    {
        var cache = Create(new DidCacheOptions { MaxEntries = 2 }, revalidating: false);
        for (var i = 0; i < 5; i++)
        {
            await cache.ResolveAsync($"did:test:{i}");
        }

        await cache.ResolveAsync("did:test:4");
        await cache.ResolveAsync("did:test:0");
        Assert.True(method.ResolveCalls >= 6, $"{method.ResolveCalls} resolutions");
    }

    [Fact]
    public async Task ResolveAsync_DistributedCache_SharedBetweenInstancesAsJson()
    {
        var distributed = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var options = new DidCacheOptions { UseDistributedCache = true, RevalidateAfter = TimeSpan.FromMinutes(1) };
        var first = await Create(options, distributed).ResolveAsync("did:test:1");
        var second = await Create(options, distributed).ResolveAsync("did:test:1");
        Assert.Equal(1, method.ResolveCalls);
        Assert.Equal(first.ToJson(), second.ToJson());
    }

    [Fact]
    public async Task ResolveAsync_CorruptDistributedEntry_TreatedAsMiss()
    {
        var distributed = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var options = new DidCacheOptions { UseDistributedCache = true };
        await distributed.SetAsync(options.KeyPrefix + "|did:test:1", "{not json"u8.ToArray());
        var result = await Create(options, distributed).ResolveAsync("did:test:1");
        Assert.True(result.IsSuccess);
        Assert.Equal(1, method.ResolveCalls);
    }

    [Fact]
    public void Constructor_DistributedWithoutCache_ThrowsNamingTheFix()
    {
        var error = Assert.Throws<ArgumentException>(() => new CachingDidResolver(new DidResolver([method]), new DidCacheOptions { UseDistributedCache = true }));
        Assert.Contains("IDistributedCache", error.Message, StringComparison.Ordinal);
    }
}
