using Identity.Shared.StatusLists;
using Identity.Shared.Verification;
using Response = Identity.Shared.Tests.StatusLists.LoopbackHttpServer.Response;
using Identity.TestSupport;

namespace Identity.Shared.Tests.StatusLists;

/// <summary>The provider against a real HTTP server on 127.0.0.1 (HttpListener).</summary>
public sealed class HttpStatusListProviderTests : IDisposable
{
    private readonly ManualTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly HttpClient client = new();
    private string body = "h.p.s1";

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task GetAsync_MaxAge_ServesFromCacheUntilStaleThenRevalidatesWithETag()
    {
        using var server = new LoopbackHttpServer(request =>
            request.Headers["If-None-Match"] == "\"v1\""
                ? new Response(304, ExtraHeaders: Headers("max-age=60", "\"v1\""))
                : new Response(200, body, Headers("max-age=60", "\"v1\"")));
        var provider = Provider(new HttpStatusListProviderOptions { AllowHttp = true });
        var url = new Uri(server.BaseUri, "status/1");

        var first = await provider.GetAsync(url);
        time.Advance(TimeSpan.FromSeconds(59));
        var cached = await provider.GetAsync(url);

        Assert.True(first.Succeeded, first.Error?.Message);
        Assert.Equal("h.p.s1", first.Document.Content);
        Assert.Equal("application/vc+jwt", first.Document.MediaType);
        Assert.Equal("h.p.s1", cached.Document!.Content);
        Assert.Equal(1, server.RequestCount);

        time.Advance(TimeSpan.FromSeconds(2));
        var revalidated = await provider.GetAsync(url);

        Assert.True(revalidated.Succeeded, revalidated.Error?.Message);
        Assert.Equal("h.p.s1", revalidated.Document.Content);
        Assert.False(revalidated.Document.IsStale);
        Assert.Equal(time.Now, revalidated.Document.RetrievedAt);
        Assert.Equal([null, "\"v1\""], server.IfNoneMatchSeen);

        // The 304 renewed the freshness: no request for another minute.
        time.Advance(TimeSpan.FromSeconds(59));
        await provider.GetAsync(url);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task GetAsync_ChangedListAfterExpiry_ReplacesTheCopy()
    {
        using var server = new LoopbackHttpServer(_ => new Response(200, body, Headers("max-age=10", "\"" + body + "\"")));
        var provider = Provider(new HttpStatusListProviderOptions { AllowHttp = true });
        var url = new Uri(server.BaseUri, "status/2");

        await provider.GetAsync(url);
        body = "h.p.s2";
        time.Advance(TimeSpan.FromSeconds(11));
        var second = await provider.GetAsync(url);

        Assert.Equal("h.p.s2", second.Document!.Content);
        Assert.Equal([null, "\"h.p.s1\""], server.IfNoneMatchSeen);
    }

    [Fact]
    public async Task GetAsync_NoCache_RevalidatesEveryTime()
    {
        using var server = new LoopbackHttpServer(request =>
            request.Headers["If-None-Match"] is not null
                ? new Response(304, ExtraHeaders: Headers("no-cache", "\"a\""))
                : new Response(200, body, Headers("no-cache", "\"a\"")));
        var provider = Provider(new HttpStatusListProviderOptions { AllowHttp = true });
        var url = new Uri(server.BaseUri, "status/3");

        await provider.GetAsync(url);
        var second = await provider.GetAsync(url);

        Assert.Equal("h.p.s1", second.Document!.Content);
        Assert.Equal([null, "\"a\""], server.IfNoneMatchSeen);
    }

    [Fact]
    public async Task GetAsync_NoStore_KeepsNothing()
    {
        using var server = new LoopbackHttpServer(_ => new Response(200, body, Headers("no-store", "\"a\"")));
        var provider = Provider(new HttpStatusListProviderOptions { AllowHttp = true, StaleGracePeriod = TimeSpan.FromHours(1) });
        var url = new Uri(server.BaseUri, "status/4");

        await provider.GetAsync(url);
        await provider.GetAsync(url);

        Assert.Equal([null, null], server.IfNoneMatchSeen);
    }

    [Fact]
    public async Task GetAsync_ServerDown_IsStatusUnavailable()
    {
        var provider = Provider(new HttpStatusListProviderOptions { AllowHttp = true, StaleGracePeriod = TimeSpan.FromHours(1) });

        var result = await provider.GetAsync(new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/status/5"));

        Assert.False(result.Succeeded);
        Assert.Equal(VerificationErrorCode.StatusUnavailable, result.Error.Code);
        Assert.Contains("could not be reached", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_ServerDownWithinGracePeriod_ServesStaleCopyThenFailsClosed()
    {
        var server = new LoopbackHttpServer(_ => new Response(200, body, Headers("max-age=60", null)));
        var provider = Provider(new HttpStatusListProviderOptions { AllowHttp = true, StaleGracePeriod = TimeSpan.FromMinutes(10) });
        var url = new Uri(server.BaseUri, "status/6");
        await provider.GetAsync(url);
        server.Dispose();

        time.Advance(TimeSpan.FromMinutes(5));
        var stale = await provider.GetAsync(url);
        time.Advance(TimeSpan.FromMinutes(6));
        var expired = await provider.GetAsync(url);

        Assert.True(stale.Succeeded, stale.Error?.Message);
        Assert.True(stale.Document.IsStale);
        Assert.Equal("h.p.s1", stale.Document.Content);
        Assert.False(expired.Succeeded);
        Assert.Equal(VerificationErrorCode.StatusUnavailable, expired.Error.Code);
    }

    [Fact]
    public async Task GetAsync_NoGracePeriod_FailsClosedAsSoonAsStale()
    {
        var server = new LoopbackHttpServer(_ => new Response(200, body, Headers("max-age=60", null)));
        var provider = Provider(new HttpStatusListProviderOptions { AllowHttp = true });
        var url = new Uri(server.BaseUri, "status/7");
        await provider.GetAsync(url);
        server.Dispose();

        time.Advance(TimeSpan.FromSeconds(61));
        var result = await provider.GetAsync(url);

        Assert.Equal(VerificationErrorCode.StatusUnavailable, result.Error!.Code);
    }

    [Theory]
    [InlineData(503, true)]
    [InlineData(500, true)]
    [InlineData(404, false)]
    [InlineData(403, false)]
    public async Task GetAsync_ErrorStatusWithinGrace_ServesStaleOnlyForServerErrors(int status, bool servedStale)
    {
        var fail = false;
        using var server = new LoopbackHttpServer(_ => fail ? new Response(status, "error") : new Response(200, body, Headers("max-age=60", null)));
        var provider = Provider(new HttpStatusListProviderOptions { AllowHttp = true, StaleGracePeriod = TimeSpan.FromMinutes(10) });
        var url = new Uri(server.BaseUri, "status/8");
        await provider.GetAsync(url);
        fail = true;
        time.Advance(TimeSpan.FromMinutes(2));

        var result = await provider.GetAsync(url);

        Assert.Equal(servedStale, result.Succeeded);
        if (!servedStale)
        {
            Assert.Equal(VerificationErrorCode.StatusUnavailable, result.Error!.Code);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetAsync_ResponseLargerThanLimit_IsStatusUnavailable(bool chunked)
    {
        using var server = new LoopbackHttpServer(_ => new Response(200, new string('a', 5000)) { Chunked = chunked });
        var provider = Provider(new HttpStatusListProviderOptions { AllowHttp = true, MaxResponseBytes = 4096 });

        var result = await provider.GetAsync(new Uri(server.BaseUri, "status/9"));

        Assert.Equal(VerificationErrorCode.StatusUnavailable, result.Error!.Code);
        Assert.Contains("larger than the limit", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_SlowServer_TimesOut()
    {
        using var server = new LoopbackHttpServer(_ => new Response(200, body) { Delay = TimeSpan.FromSeconds(3) });
        var provider = new HttpStatusListProvider(client, new HttpStatusListProviderOptions { AllowHttp = true, Timeout = TimeSpan.FromMilliseconds(200) }, TimeProvider.System);

        var result = await provider.GetAsync(new Uri(server.BaseUri, "status/10"));

        Assert.Equal(VerificationErrorCode.StatusUnavailable, result.Error!.Code);
        Assert.Contains("timed out", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_HttpUrlByDefault_IsRefusedWithoutARequest()
    {
        using var server = new LoopbackHttpServer(_ => new Response(200, body));
        var provider = Provider(new HttpStatusListProviderOptions());

        var result = await provider.GetAsync(new Uri(server.BaseUri, "status/11"));

        Assert.Equal(VerificationErrorCode.StatusUnavailable, result.Error!.Code);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task GetAsync_NoCachingHeaders_UsesDefaultMaxAge()
    {
        using var server = new LoopbackHttpServer(_ => new Response(200, body));
        var provider = Provider(new HttpStatusListProviderOptions { AllowHttp = true, DefaultMaxAge = TimeSpan.FromSeconds(30) });
        var url = new Uri(server.BaseUri, "status/12");

        await provider.GetAsync(url);
        time.Advance(TimeSpan.FromSeconds(29));
        await provider.GetAsync(url);
        time.Advance(TimeSpan.FromSeconds(2));
        await provider.GetAsync(url);

        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public void Constructor_BadOptions_ThrowsNamingTheSetting()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new HttpStatusListProvider(client, new HttpStatusListProviderOptions { Timeout = TimeSpan.Zero }, time));
        Assert.Contains("Timeout", e.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Headers(string cacheControl, string? etag)
    {
        var headers = new Dictionary<string, string> { ["Cache-Control"] = cacheControl };
        if (etag is not null)
        {
            headers["ETag"] = etag;
        }

        return headers;
    }

    private HttpStatusListProvider Provider(HttpStatusListProviderOptions options) => new(client, options, time);
}
