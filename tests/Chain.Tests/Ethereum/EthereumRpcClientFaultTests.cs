using System.Diagnostics;
using Identity.Shared.Ethereum;
using Identity.TestSupport.Chain;

namespace Identity.Chain.Tests.Ethereum;

[Collection(AnvilFixture.Collection)]
public sealed class EthereumRpcClientFaultTests(AnvilFixture chain)
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(5);

    private static EthereumRpcClient Client(Uri url, TimeSpan? timeout = null, int retries = 0, long maxBytes = 1024 * 1024, HttpClient? http = null) =>
        new(http ?? SharedHttp, new EthereumRpcOptions { Url = url, Timeout = timeout ?? TimeSpan.FromSeconds(1), MaxRetries = retries, RetryDelay = TimeSpan.FromMilliseconds(20), MaxResponseBytes = maxBytes });

    private static readonly HttpClient SharedHttp = new() { Timeout = Timeout.InfiniteTimeSpan };

    [Fact]
    public async Task GetChainId_NodeStopped_UnreachableQuicklyThenWorksWhenBack()
    {
        var client = chain.CreateRpc(o => o with { MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(20) });
        chain.StopNode();
        try
        {
            var watch = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<EthereumRpcException>(() => client.GetChainIdAsync());
            Assert.Equal(EthereumRpcErrorKind.Unreachable, error.Kind);
            Assert.Equal($"http://127.0.0.1:{chain.Port}", error.Endpoint);
            Assert.Contains(error.Endpoint, error.Message, StringComparison.Ordinal);
            Assert.Contains("eth_chainId", error.Message, StringComparison.Ordinal);
            Assert.True(watch.Elapsed < Quick, $"took {watch.Elapsed}");
        }
        finally
        {
            await chain.RestartNodeAsync();
        }

        Assert.Equal(AnvilFixture.DefaultChainId, await client.GetChainIdAsync());
    }

    [Fact]
    public async Task Call_ServerNeverAnswers_TimeoutAfterConfiguredLimit()
    {
        await using var server = new LoopbackHttpServer(static (_, token) => Task.Delay(Timeout.Infinite, token));
        var client = Client(server.Url, timeout: TimeSpan.FromMilliseconds(300), retries: 2);

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<EthereumRpcException>(() => client.GetBlockNumberAsync());

        Assert.Equal(EthereumRpcErrorKind.Timeout, error.Kind);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3));
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task Call_ServerSendsBodySlowly_Timeout()
    {
        await using var server = new LoopbackHttpServer(static async (stream, token) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"jsonrpc\":", token);
            await Task.Delay(Timeout.Infinite, token);
        });
        var client = Client(server.Url, timeout: TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<EthereumRpcException>(() => client.GetBlockNumberAsync());

        Assert.Equal(EthereumRpcErrorKind.Timeout, error.Kind);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":99,\"result\":\"0x1\"}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x01\"}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":12}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x10000000000000000\"}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":\"boom\"}")]
    public async Task GetBlockNumber_MalformedResponse_MalformedKind(string body)
    {
        await using var server = new LoopbackHttpServer((stream, token) =>
            LoopbackHttpServer.WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}", token));
        var client = Client(server.Url);

        var error = await Assert.ThrowsAsync<EthereumRpcException>(() => client.GetBlockNumberAsync());

        Assert.Equal(EthereumRpcErrorKind.MalformedResponse, error.Kind);
    }

    [Fact]
    public async Task Call_DeclaredHugeBody_ResponseTooLargeWithoutReading()
    {
        await using var server = new LoopbackHttpServer(static async (stream, token) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n", token);
            await Task.Delay(Timeout.Infinite, token);
        });
        var client = Client(server.Url, timeout: TimeSpan.FromSeconds(5));

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<EthereumRpcException>(() => client.GetBlockNumberAsync());

        Assert.Equal(EthereumRpcErrorKind.ResponseTooLarge, error.Kind);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Call_EndlessChunkedBody_ResponseTooLargeAtLimit()
    {
        var sent = 0L;
        await using var server = new LoopbackHttpServer(async (stream, token) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", token);
            var chunk = "4000\r\n" + new string(' ', 0x4000) + "\r\n";
            while (!token.IsCancellationRequested)
            {
                await LoopbackHttpServer.WriteAsync(stream, chunk, token);
                Interlocked.Add(ref sent, 0x4000);
            }
        });
        var client = Client(server.Url, timeout: TimeSpan.FromSeconds(5), maxBytes: 256 * 1024);

        var error = await Assert.ThrowsAsync<EthereumRpcException>(() => client.GetBlockNumberAsync());

        Assert.Equal(EthereumRpcErrorKind.ResponseTooLarge, error.Kind);
    }

    [Fact]
    public async Task Call_Server503_RetriedThenHttpStatus()
    {
        await using var server = new LoopbackHttpServer(static (stream, token) =>
            LoopbackHttpServer.WriteAsync(stream, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", token));
        var client = Client(server.Url, retries: 2);

        var error = await Assert.ThrowsAsync<EthereumRpcException>(() => client.GetBlockNumberAsync());

        Assert.Equal(EthereumRpcErrorKind.HttpStatus, error.Kind);
        Assert.Equal(503, error.HttpStatusCode);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task Call_Server404_NotRetried()
    {
        await using var server = new LoopbackHttpServer(static (stream, token) =>
            LoopbackHttpServer.WriteAsync(stream, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", token));
        var client = Client(server.Url, retries: 2);

        var error = await Assert.ThrowsAsync<EthereumRpcException>(() => client.GetBlockNumberAsync());

        Assert.Equal(EthereumRpcErrorKind.HttpStatus, error.Kind);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task Endpoint_UrlWithCredentials_NotShownInErrors()
    {
        await using var server = new LoopbackHttpServer(static (stream, token) =>
            LoopbackHttpServer.WriteAsync(stream, "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", token));
        var url = new UriBuilder(server.Url) { UserName = "user", Password = "s3cret", Path = "/v3/apikey123", Query = "key=abc" }.Uri;
        var client = Client(url);

        var error = await Assert.ThrowsAsync<EthereumRpcException>(() => client.GetBlockNumberAsync());

        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("apikey123", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", error.Message, StringComparison.Ordinal);
        Assert.Equal(401, error.HttpStatusCode);
    }

    [Fact]
    public async Task SendRawTransaction_Garbage_RpcErrorWithCodeAndMessage()
    {
        var error = await Assert.ThrowsAsync<EthereumRpcException>(() => chain.Rpc.SendRawTransactionAsync(new byte[] { 0x02, 0xc0 }));

        Assert.Equal(EthereumRpcErrorKind.RpcError, error.Kind);
        Assert.NotNull(error.RpcCode);
        Assert.False(string.IsNullOrEmpty(error.RpcMessage));
    }
}
