using System.Net;
using Identity.Verifier.Nonces;
using Microsoft.Extensions.Options;

namespace Identity.Verifier.Tests.Nonces;

/// <summary>
/// Several instances over one Redis: two ClinicPortal instances share nonces, so a presentation accepted by one is
/// refused by the other as replayed; the store's redemption is atomic under contention.
/// </summary>
[Trait("Category", "Redis")]
public sealed class RedisPresentationNonceStoreTests(RedisFixture redis) : IClassFixture<RedisFixture>, IDisposable
{
    private readonly TestWorld world = new();

    [Fact]
    public async Task TwoInstances_NonceUsedOnOne_RefusedOnTheOther()
    {
        using var first = new PortalFactory(settings: [new("Redis:Configuration", redis.Configuration)]);
        using var second = new PortalFactory(settings: [new("Redis:Configuration", redis.Configuration)]);
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();
        var credential = world.Issue("PatientIdentityCredential", TestWorld.PatientClaims());

        // A challenge from the first instance is honoured by the second (the store is shared)…
        var (nonce, audience, _) = await PortalFactory.ChallengeAsync(firstClient);
        var presentation = world.Present(audience, nonce, [credential]);
        using (var accepted = await PortalFactory.GetWithPresentationAsync(secondClient, "/api/me", presentation))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        // …and once used there, it is refused by the first.
        using var replayed = await PortalFactory.GetWithPresentationAsync(firstClient, "/api/me", presentation);
        VerifiablePresentationHandlerTests.AssertRefused(replayed, "nonce_replayed", "The presentation's nonce has already been used.");
    }

    [Fact]
    public async Task TryRedeemAsync_ConcurrentRedemptions_ExactlyOneWins()
    {
        var clock = new OffsetTimeProvider();
        await using var storeA = Store(clock);
        await using var storeB = Store(clock);
        var nonce = "n-" + Guid.NewGuid().ToString("N");
        Assert.True(await storeA.TryAddAsync(nonce, clock.GetUtcNow().AddMinutes(1)));

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => (i % 2 == 0 ? storeA : storeB).TryRedeemAsync(nonce)));

        Assert.Single(results, r => r == NonceStatus.Unused);
        Assert.Equal(31, results.Count(r => r == NonceStatus.Used));
    }

    [Fact]
    public async Task GetStatusAsync_AfterTtl_Unknown()
    {
        var clock = new OffsetTimeProvider();
        await using var store = Store(clock);
        var nonce = "n-" + Guid.NewGuid().ToString("N");
        Assert.True(await store.TryAddAsync(nonce, clock.GetUtcNow().AddMilliseconds(300)));
        Assert.Equal(NonceStatus.Unused, await store.GetStatusAsync(nonce));
        Assert.Equal(NonceStatus.Unknown, await store.GetStatusAsync("never-issued"));

        await Task.Delay(600);

        Assert.Equal(NonceStatus.Unknown, await store.GetStatusAsync(nonce));
        Assert.Equal(NonceStatus.Unknown, await store.TryRedeemAsync(nonce));
    }

    [Fact]
    public async Task RedisGoesDown_PresentationRefusedAsNonceUnavailable_ChallengeAnswers503()
    {
        var dying = new RedisFixture();
        await dying.InitializeAsync();
        using var portal = new PortalFactory(settings: [new("Redis:Configuration", dying.Configuration)]);
        using var client = portal.CreateClient();
        var (nonce, audience, _) = await PortalFactory.ChallengeAsync(client);
        var presentation = world.Present(audience, nonce, [world.Issue("PatientIdentityCredential", TestWorld.PatientClaims())]);

        await dying.DisposeAsync();

        // Fail closed, with the reason: never accepted, never a 500.
        using var refused = await PortalFactory.GetWithPresentationAsync(client, "/api/me", presentation);
        VerifiablePresentationHandlerTests.AssertRefused(refused, "nonce_unavailable", "The presentation's nonce could not be checked.");
        using var challenge = await client.GetAsync(new Uri("/auth/challenge", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, challenge.StatusCode);
    }

    public void Dispose() => world.Dispose();

    private RedisPresentationNonceStore Store(TimeProvider clock) =>
        new(Options.Create(new RedisNonceStoreOptions { Configuration = redis.Configuration }), clock);
}
