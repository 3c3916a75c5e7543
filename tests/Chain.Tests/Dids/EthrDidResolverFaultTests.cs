using System.Diagnostics;
using Identity.Chain.Tests.Ethereum;
using Identity.Shared.Dids;
using Identity.Shared.Dids.Ethr;
using Identity.Shared.Ethereum;
using Identity.TestSupport.Chain;

namespace Identity.Chain.Tests.Dids;

/// <summary>
/// A failing node gives an <c>internalError</c> resolution result that names the node and the failure, quickly and
/// never as an exception or a hang — through <see cref="EthrDidResolver"/> and through the cached stack, which must
/// not serve its stale copy when it cannot confirm it.
/// </summary>
[Collection(AnvilFixture.Collection)]
public sealed class EthrDidResolverFaultTests(AnvilFixture chain)
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Resolve_NodeStopped_InternalErrorNamingTheNodeThenWorksWhenBack()
    {
        using var key = await EthrTestChain.FundedKeyAsync(chain);
        var did = EthrTestChain.Did(key);
        await chain.CreateRegistry().SendAsync(new AddDelegateOperation(EthrTestChain.Address(key), "veriKey", EthrTestChain.RandomAddress(), 86_400), key);
        var resolver = new EthrDidResolver(EthrTestChain.Options(chain), _ => new HttpClient());
        using var cached = Cached(resolver);
        Assert.True((await cached.ResolveAsync(did)).IsSuccess);

        chain.StopNode();
        try
        {
            foreach (var resolve in new Func<Task<DidResolutionResult>>[] { () => ResolveAsync(resolver, did), () => cached.ResolveAsync(did) })
            {
                var watch = Stopwatch.StartNew();
                var result = await resolve();

                Assert.True(watch.Elapsed < Quick, $"took {watch.Elapsed}");
                AssertNodeFailure(result, $"http://127.0.0.1:{chain.Port}", nameof(EthereumRpcErrorKind.Unreachable));
            }
        }
        finally
        {
            await chain.RestartNodeAsync();
        }

        // The restarted chain is empty again: the DID resolves, now to its default document.
        foreach (var result in new[] { await ResolveAsync(resolver, did), await cached.ResolveAsync(did) })
        {
            Assert.True(result.IsSuccess, result.DidResolutionMetadata.Message);
            Assert.Single(result.DidDocument!.VerificationMethod!);
            Assert.Null(result.DidDocumentMetadata.VersionId);
        }
    }

    [Fact]
    public async Task Resolve_NodeSlowerThanTimeout_InternalErrorTimeout()
    {
        await using var server = new LoopbackHttpServer(static (_, token) => Task.Delay(Timeout.Infinite, token));
        var resolver = new EthrDidResolver(EthrTestChain.Options(chain, server.Url, timeout: TimeSpan.FromMilliseconds(300)), _ => new HttpClient());
        using var cached = Cached(resolver);
        var did = EthrDid.Format(EthrTestChain.RandomAddress(), EthrTestChain.Network);

        foreach (var resolve in new Func<Task<DidResolutionResult>>[] { () => ResolveAsync(resolver, did), () => cached.ResolveAsync(did) })
        {
            var watch = Stopwatch.StartNew();
            var result = await resolve();

            Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3));
            AssertNodeFailure(result, server.Url.GetLeftPart(UriPartial.Authority), nameof(EthereumRpcErrorKind.Timeout));
        }
    }

    [Fact]
    public async Task Resolve_BodySentSlowly_InternalErrorTimeout()
    {
        await using var server = new LoopbackHttpServer(static async (stream, token) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"jsonrpc\":\"2.0\",", token);
            await Task.Delay(Timeout.Infinite, token);
        });
        var resolver = new EthrDidResolver(EthrTestChain.Options(chain, server.Url, timeout: TimeSpan.FromMilliseconds(300)), _ => new HttpClient());

        var result = await ResolveAsync(resolver, EthrDid.Format(EthrTestChain.RandomAddress(), EthrTestChain.Network));

        AssertNodeFailure(result, server.Url.GetLeftPart(UriPartial.Authority), nameof(EthereumRpcErrorKind.Timeout));
    }

    [Theory]
    [InlineData("{not json", nameof(EthereumRpcErrorKind.MalformedResponse))]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":12}", nameof(EthereumRpcErrorKind.MalformedResponse))]
    [InlineData("<html>502 Bad Gateway</html>", nameof(EthereumRpcErrorKind.MalformedResponse))]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"header not found\"}}", nameof(EthereumRpcErrorKind.RpcError))]
    public async Task Resolve_MalformedAnswer_InternalErrorSayingSo(string body, string kind)
    {
        await using var server = new LoopbackHttpServer((stream, token) => LoopbackHttpServer.WriteAsync(
            stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}", token));
        var resolver = new EthrDidResolver(EthrTestChain.Options(chain, server.Url, retries: 0), _ => new HttpClient());
        using var cached = Cached(resolver);
        var did = EthrDid.Format(EthrTestChain.RandomAddress(), EthrTestChain.Network);

        AssertNodeFailure(await ResolveAsync(resolver, did), server.Url.GetLeftPart(UriPartial.Authority), kind);
        AssertNodeFailure(await cached.ResolveAsync(did), server.Url.GetLeftPart(UriPartial.Authority), kind);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Resolve_HugeBody_InternalErrorTooLarge(bool announced)
    {
        // 4 MiB of JSON whitespace, against a 64 KiB limit: announced by Content-Length, or streamed until the close.
        await using var server = new LoopbackHttpServer(async (stream, token) =>
        {
            var head = announced ? "Content-Length: 4194304\r\n" : "Connection: close\r\n";
            await LoopbackHttpServer.WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{head}\r\n", token);
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            for (var i = 0; i < 64; i++)
            {
                await stream.WriteAsync(chunk, token);
            }
        });
        var options = EthrTestChain.Options(chain, server.Url, retries: 0);
        options.RpcMaxResponseBytes = 64 * 1024;
        var resolver = new EthrDidResolver(options, _ => new HttpClient());

        var watch = Stopwatch.StartNew();
        var result = await ResolveAsync(resolver, EthrDid.Format(EthrTestChain.RandomAddress(), EthrTestChain.Network));

        Assert.True(watch.Elapsed < Quick, $"took {watch.Elapsed}");
        AssertNodeFailure(result, server.Url.GetLeftPart(UriPartial.Authority), nameof(EthereumRpcErrorKind.ResponseTooLarge));
    }

    [Fact]
    public async Task Resolve_ConnectionClosedWithoutAnswer_InternalErrorUnreachable()
    {
        await using var server = new LoopbackHttpServer(static (_, _) => Task.CompletedTask);
        var resolver = new EthrDidResolver(EthrTestChain.Options(chain, server.Url, retries: 1), _ => new HttpClient());

        var result = await ResolveAsync(resolver, EthrDid.Format(EthrTestChain.RandomAddress(), EthrTestChain.Network));

        AssertNodeFailure(result, server.Url.GetLeftPart(UriPartial.Authority), nameof(EthereumRpcErrorKind.Unreachable));
    }

    private static CachingDidResolver Cached(EthrDidResolver resolver) =>
        new(new DidResolver([resolver]), new DidCacheOptions(), [resolver]);

    private static Task<DidResolutionResult> ResolveAsync(EthrDidResolver resolver, string did) =>
        resolver.ResolveAsync(DidUrl.Parse(did), new DidResolutionOptions(), CancellationToken.None);

    private static void AssertNodeFailure(DidResolutionResult result, string endpoint, string kind)
    {
        Assert.False(result.IsSuccess);
        Assert.Null(result.DidDocument);
        Assert.Equal(DidResolutionErrors.InternalError, result.DidResolutionMetadata.Error);
        var message = result.DidResolutionMetadata.Message ?? string.Empty;
        Assert.Contains(endpoint.TrimEnd('/'), message, StringComparison.Ordinal);
        Assert.Contains(kind, message, StringComparison.Ordinal);
    }
}
