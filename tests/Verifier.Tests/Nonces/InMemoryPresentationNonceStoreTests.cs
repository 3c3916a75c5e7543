using Identity.Verifier.Nonces;
using Microsoft.Extensions.Options;

namespace Identity.Verifier.Tests.Nonces;

/// <summary>The default store: one-time use under contention, expiry, and its bound.</summary>
public sealed class InMemoryPresentationNonceStoreTests
{
    private readonly OffsetTimeProvider clock = new();

    [Fact]
    public async Task TryRedeemAsync_ConcurrentRedemptions_ExactlyOneWins()
    {
        var store = Store(10);
        Assert.True(await store.TryAddAsync("n", clock.GetUtcNow().AddMinutes(5)));

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => store.TryRedeemAsync("n"))));

        Assert.Single(results, r => r == NonceStatus.Unused);
        Assert.All(results.Where(r => r != NonceStatus.Unused), r => Assert.Equal(NonceStatus.Used, r));
        Assert.Equal(NonceStatus.Used, await store.GetStatusAsync("n"));
    }

    [Fact]
    public async Task GetStatusAsync_AfterExpiry_Unknown()
    {
        var store = Store(10);
        await store.TryAddAsync("n", clock.GetUtcNow().AddMinutes(5));
        Assert.Equal(NonceStatus.Unused, await store.GetStatusAsync("n"));

        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(NonceStatus.Unknown, await store.GetStatusAsync("n"));
        Assert.Equal(NonceStatus.Unknown, await store.TryRedeemAsync("n"));
    }

    [Fact]
    public async Task TryAddAsync_Full_RefusedUntilEntriesExpire()
    {
        var store = Store(3);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await store.TryAddAsync($"n{i}", clock.GetUtcNow().AddMinutes(1 + i)));
        }

        Assert.False(await store.TryAddAsync("n3", clock.GetUtcNow().AddMinutes(5)));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await store.TryAddAsync("n3", clock.GetUtcNow().AddMinutes(5)));
        Assert.Equal(3, store.Count);
    }

    [Fact]
    public async Task TryAddAsync_SameNonceTwice_SecondRefused()
    {
        var store = Store(10);
        Assert.True(await store.TryAddAsync("n", clock.GetUtcNow().AddMinutes(5)));
        Assert.False(await store.TryAddAsync("n", clock.GetUtcNow().AddMinutes(5)));
    }

    private InMemoryPresentationNonceStore Store(int max) => new(Options.Create(new InMemoryNonceStoreOptions { MaxEntries = max }), clock);
}
