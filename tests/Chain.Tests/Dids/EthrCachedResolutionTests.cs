using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Ethereum;
using Identity.TestSupport.Chain;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.Chain.Tests.Dids;

/// <summary>
/// "Cached, yet fresh", through the real DI stack (<c>AddDidResolution</c> + <c>AddEthrDidResolution</c>): a cached
/// unchanged DID costs one RPC call, and a change on chain — a rotated key, a new delegate, a delegate that expires
/// while cached — shows at the very next resolution. Requests are counted at a proxy in front of anvil.
/// </summary>
[Collection(AnvilFixture.Collection)]
public sealed class EthrCachedResolutionTests(AnvilFixture chain)
{
    [Fact]
    public async Task Resolve_CachedUnchanged_OneRpcCallSameDocument()
    {
        await using var proxy = new JsonRpcProxy(chain.RpcUrl);
        await using var services = Services(proxy.Url);
        var resolver = services.GetRequiredService<IDidResolver>();
        using var key = await EthrTestChain.FundedKeyAsync(chain);
        await chain.CreateRegistry().SendAsync(new AddDelegateOperation(EthrTestChain.Address(key), "sigAuth", EthrTestChain.RandomAddress(), 86_400), key);
        var did = EthrTestChain.Did(key);

        var first = await resolver.ResolveAsync(did);
        Assert.True(first.IsSuccess, first.DidResolutionMetadata.Message);
        for (var i = 0; i < 3; i++)
        {
            proxy.ResetCounts();
            var again = await resolver.ResolveAsync(did);

            Assert.Equal(1, proxy.HttpRequests);
            Assert.Equal(["eth_call"], proxy.Calls);
            Assert.Equal(first.ToJson(), again.ToJson());
        }
    }

    [Fact]
    public async Task Resolve_OwnerChangedOrDelegateAddedWhileCached_NextResolutionShowsIt()
    {
        await using var proxy = new JsonRpcProxy(chain.RpcUrl);
        await using var services = Services(proxy.Url);
        var resolver = services.GetRequiredService<IDidResolver>();
        var registry = chain.CreateRegistry();
        using var key = await EthrTestChain.FundedKeyAsync(chain);
        var identity = EthrTestChain.Address(key);
        var did = EthrTestChain.Did(key);

        var initial = await resolver.ResolveAsync(did);
        Assert.Equal(identity, Controller(initial));
        Assert.Equal(initial.ToJson(), (await resolver.ResolveAsync(did)).ToJson());

        // Key rotation: the lost key is replaced by a new owner on chain.
        using var newOwner = await EthrTestChain.FundedKeyAsync(chain);
        await registry.SendAsync(new ChangeOwnerOperation(identity, EthrTestChain.Address(newOwner)), key);
        var rotated = await resolver.ResolveAsync(did);
        Assert.True(rotated.IsSuccess, rotated.DidResolutionMetadata.Message);
        Assert.Equal(EthrTestChain.Address(newOwner), Controller(rotated));
        Assert.NotNull(rotated.DidDocumentMetadata.VersionId);

        proxy.ResetCounts();
        Assert.Equal(rotated.ToJson(), (await resolver.ResolveAsync(did)).ToJson());
        Assert.Equal(1, proxy.HttpRequests);

        // A new delegate, added by the new owner.
        var delegateAddress = EthrTestChain.RandomAddress();
        await registry.SendAsync(new AddDelegateOperation(identity, "veriKey", delegateAddress, 86_400), newOwner);
        var delegated = await resolver.ResolveAsync(did);
        Assert.Equal([EthrTestChain.Address(newOwner), delegateAddress], Accounts(delegated));
        Assert.Equal(EthrTestChain.Address(newOwner), Controller(delegated));
    }

    [Fact]
    public async Task Resolve_DelegateExpiresWhileCached_GoneAtNextResolution()
    {
        var clock = new SettableTimeProvider();
        await using var proxy = new JsonRpcProxy(chain.RpcUrl);
        await using var services = Services(proxy.Url, clock);
        var resolver = services.GetRequiredService<IDidResolver>();
        using var key = await EthrTestChain.FundedKeyAsync(chain);
        var identity = EthrTestChain.Address(key);
        var shortLived = EthrTestChain.RandomAddress();
        var longLived = EthrTestChain.RandomAddress();
        var registry = chain.CreateRegistry();
        await registry.SendAsync(new AddDelegateOperation(identity, "veriKey", longLived, 7 * 86_400), key);
        await registry.SendAsync(new AddDelegateOperation(identity, "sigAuth", shortLived, 3_600), key);
        var did = EthrTestChain.Did(key);

        var fresh = await resolver.ResolveAsync(did);
        Assert.Equal([identity, longLived, shortLived], Accounts(fresh));
        Assert.Equal(2, fresh.DidDocument!.Authentication!.Count);

        // Half-way through its validity the delegate is still there, and the cached copy still costs one call.
        clock.Advance(TimeSpan.FromMinutes(30));
        proxy.ResetCounts();
        Assert.Equal(fresh.ToJson(), (await resolver.ResolveAsync(did)).ToJson());
        Assert.Equal(1, proxy.HttpRequests);

        // Nothing changed on chain, yet the cached document is no longer true once the delegate has expired.
        clock.Advance(TimeSpan.FromMinutes(31));
        var expired = await resolver.ResolveAsync(did);
        Assert.True(expired.IsSuccess, expired.DidResolutionMetadata.Message);
        Assert.Equal([identity, longLived], Accounts(expired));
        Assert.Single(expired.DidDocument!.Authentication!);
        Assert.Equal(fresh.DidDocumentMetadata.VersionId, expired.DidDocumentMetadata.VersionId);

        // The new document is cached in turn.
        proxy.ResetCounts();
        Assert.Equal(expired.ToJson(), (await resolver.ResolveAsync(did)).ToJson());
        Assert.Equal(1, proxy.HttpRequests);
    }

    private ServiceProvider Services(Uri rpcUrl, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddDidResolution(cache => cache.TimeToLive = TimeSpan.FromDays(1));
        services.AddEthrDidResolution(options => EthrTestChain.Configure(options, chain, rpcUrl));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static EthereumAddress Controller(DidResolutionResult result) => Accounts(result)[0];

    private static EthereumAddress[] Accounts(DidResolutionResult result)
    {
        Assert.True(result.IsSuccess, result.DidResolutionMetadata.Message);
        return [.. result.DidDocument!.VerificationMethod!.Select(m => EthereumAddress.Parse(m.BlockchainAccountId!.Split(':')[^1]))];
    }
}
