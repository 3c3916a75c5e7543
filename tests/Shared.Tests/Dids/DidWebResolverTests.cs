using System.Net;
using Identity.Shared.Dids;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Identity.Shared.Tests.Dids;

public sealed class DidWebResolverTests
{
    private static DidWebResolver Create(DidWebOptions? options = null)
    {
        var services = new ServiceCollection().AddDidResolution().BuildServiceProvider();
        return new DidWebResolver(services.GetRequiredService<IHttpClientFactory>(), Options.Create(options ?? new DidWebOptions { AllowHttpForLocalhost = true }));
    }

    private static string Document(string did) =>
        $$"""{"@context":"https://www.w3.org/ns/did/v1","id":"{{did}}","verificationMethod":[{"id":"{{did}}#key-1","type":"Multikey","controller":"{{did}}","publicKeyMultibase":"z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"}],"assertionMethod":["{{did}}#key-1"]}""";

    private static async Task Write(HttpListenerContext context, string body, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/did+json";
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
    }

    private static Task<DidResolutionResult> Resolve(DidWebResolver resolver, string did, string? accept = null) =>
        resolver.ResolveAsync(DidUrl.Parse(did), new DidResolutionOptions { Accept = accept }, CancellationToken.None);

    [Theory]
    [InlineData("did:web:w3c-ccg.github.io", "https://w3c-ccg.github.io/.well-known/did.json")]
    [InlineData("did:web:w3c-ccg.github.io:user:alice", "https://w3c-ccg.github.io/user/alice/did.json")]
    [InlineData("did:web:example.com%3A3000:user:alice", "https://example.com:3000/user/alice/did.json")]
    [InlineData("did:web:example.com%3a3000", "https://example.com:3000/.well-known/did.json")]
    [InlineData("did:web:localhost%3A8080", "https://localhost:8080/.well-known/did.json")]
    public void TryGetDocumentUrl_SpecExamples_MapToHttps(string did, string url)
    {
        var resolver = Create(new DidWebOptions());
        Assert.True(resolver.TryGetDocumentUrl(Did.Parse(did), out var uri, out var error), error);
        Assert.Equal(url, uri!.AbsoluteUri);
    }

    [Theory]
    [InlineData("did:web:127.0.0.1")]
    [InlineData("did:web:10.0.0.1%3A443")]
    [InlineData("did:web:example.com%3A0")]
    [InlineData("did:web:example.com%3A70000")]
    [InlineData("did:web:example.com%3Aabc")]
    [InlineData("did:web:example.com::alice")]
    [InlineData("did:web:example.com:..:alice")]
    [InlineData("did:web:example.com:%2E%2E:alice")]
    [InlineData("did:web:example.com:a%2Fb")]
    [InlineData("did:web:-example.com")]
    [InlineData("did:web:exa_mple.com")]
    [InlineData("did:web:user%40example.com")]
    public async Task Resolve_InvalidWebDid_InvalidDid(string did)
    {
        var result = await Resolve(Create(new DidWebOptions()), did);
        Assert.Equal(DidResolutionErrors.InvalidDid, result.DidResolutionMetadata.Error);
    }

    [Fact]
    public async Task Resolve_WellKnownDocument_ReturnsIt()
    {
        await using var server = new LocalHttpServer(context =>
            context.Request.Url!.AbsolutePath == "/.well-known/did.json" ? Write(context, Document($"did:web:localhost%3A{context.Request.Url.Port}")) : Write(context, "{}", 404));
        var result = await Resolve(Create(), server.Did);
        Assert.True(result.IsSuccess, result.DidResolutionMetadata.Message);
        Assert.Equal(DidContentTypes.DidLdJson, result.DidResolutionMetadata.ContentType);
        Assert.True(result.DidDocument.GetVerificationMethods(VerificationRelationship.AssertionMethod)[0].TryGetPublicKey(out _));
    }

    [Fact]
    public async Task Resolve_PathDid_FetchesPathAndStripsContextForDidJson()
    {
        await using var server = new LocalHttpServer(context =>
            context.Request.Url!.AbsolutePath == "/user/alice/did.json" ? Write(context, Document($"did:web:localhost%3A{context.Request.Url.Port}:user:alice")) : Write(context, "{}", 404));
        var result = await Resolve(Create(), server.Did + ":user:alice", DidContentTypes.DidJson);
        Assert.True(result.IsSuccess, result.DidResolutionMetadata.Message);
        Assert.Null(result.DidDocument.Context);
    }

    [Fact]
    public async Task Resolve_DocumentOfAnotherDid_InvalidDidDocument()
    {
        await using var server = new LocalHttpServer(context => Write(context, Document("did:web:attacker.example")));
        var result = await Resolve(Create(), server.Did);
        Assert.Equal(DidResolutionErrors.InvalidDidDocument, result.DidResolutionMetadata.Error);
        Assert.Contains("id", result.DidResolutionMetadata.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_DeclaredHugeResponse_RefusedBeforeReading()
    {
        await using var server = new LocalHttpServer(context => Write(context, new string(' ', 300 * 1024) + "{}"));
        var result = await Resolve(Create(), server.Did);
        Assert.Equal(DidResolutionErrors.InvalidDidDocument, result.DidResolutionMetadata.Error);
        Assert.Contains("larger than 262144 bytes", result.DidResolutionMetadata.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_ChunkedEndlessResponse_StoppedAtLimit()
    {
        await using var server = new LocalHttpServer(async context =>
        {
            context.Response.SendChunked = true;
            var chunk = new byte[64 * 1024];
            chunk.AsSpan().Fill((byte)' ');
            for (var i = 0; i < 1000; i++)
            {
                await context.Response.OutputStream.WriteAsync(chunk);
            }
        });
        var result = await Resolve(Create(new DidWebOptions { AllowHttpForLocalhost = true, MaxResponseBytes = 100_000 }), server.Did);
        Assert.Equal(DidResolutionErrors.InvalidDidDocument, result.DidResolutionMetadata.Error);
        Assert.Contains("larger than 100000 bytes", result.DidResolutionMetadata.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_SlowServer_NotFoundAfterTimeout()
    {
        await using var server = new LocalHttpServer(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            await Write(context, Document($"did:web:localhost%3A{context.Request.Url!.Port}"));
        });
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = await Resolve(Create(new DidWebOptions { AllowHttpForLocalhost = true, Timeout = TimeSpan.FromMilliseconds(300) }), server.Did);
        Assert.Equal(DidResolutionErrors.NotFound, result.DidResolutionMetadata.Error);
        Assert.Contains("within 0.3 s", result.DidResolutionMetadata.Message, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(4), $"took {started.Elapsed}");
    }

    [Theory]
    [InlineData(404, DidResolutionErrors.NotFound)]
    [InlineData(410, DidResolutionErrors.NotFound)]
    [InlineData(500, DidResolutionErrors.NotFound)]
    public async Task Resolve_HttpError_NotFound(int status, string error)
    {
        await using var server = new LocalHttpServer(context => Write(context, "{}", status));
        var result = await Resolve(Create(), server.Did);
        Assert.Equal(error, result.DidResolutionMetadata.Error);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), result.DidResolutionMetadata.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{"id":"did:web:x","verificationMethod":{}}""", "not a valid DID document")]
    [InlineData("[1,2]", "not a valid DID document")]
    public async Task Resolve_MalformedDocument_InvalidDidDocument(string body, string reason)
    {
        await using var server = new LocalHttpServer(context => Write(context, body));
        var result = await Resolve(Create(), server.Did);
        Assert.Equal(DidResolutionErrors.InvalidDidDocument, result.DidResolutionMetadata.Error);
        Assert.Contains(reason, result.DidResolutionMetadata.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_RedirectToPlainHttpElsewhere_NotFollowed()
    {
        await using var server = new LocalHttpServer(context =>
        {
            context.Response.StatusCode = 302;
            context.Response.RedirectLocation = "http://example.com/did.json";
            return Task.CompletedTask;
        });
        var result = await Resolve(Create(), server.Did);
        Assert.Equal(DidResolutionErrors.NotFound, result.DidResolutionMetadata.Error);
        Assert.Contains("non-HTTPS", result.DidResolutionMetadata.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_RedirectLoop_StopsAfterLimit()
    {
        var hits = 0;
        await using var server = new LocalHttpServer(context =>
        {
            Interlocked.Increment(ref hits);
            context.Response.StatusCode = 302;
            context.Response.RedirectLocation = "/again/did.json";
            return Task.CompletedTask;
        });
        var result = await Resolve(Create(), server.Did);
        Assert.Equal(DidResolutionErrors.NotFound, result.DidResolutionMetadata.Error);
        Assert.Contains("too many", result.DidResolutionMetadata.Message, StringComparison.Ordinal);
        Assert.Equal(4, hits);
    }

    [Fact]
    public async Task Resolve_NothingListening_NotFound()
    {
        int port;
        await using (var server = new LocalHttpServer(_ => Task.CompletedTask))
        {
            port = server.Port;
        }

        var result = await Resolve(Create(), $"did:web:localhost%3A{port}");
        Assert.Equal(DidResolutionErrors.NotFound, result.DidResolutionMetadata.Error);
    }

    [Fact]
    public async Task Resolve_ThroughDependencyInjection_UsesDidResolverAndCache()
    {
        var hits = 0;
        await using var server = new LocalHttpServer(context =>
        {
            Interlocked.Increment(ref hits);
            return Write(context, Document($"did:web:localhost%3A{context.Request.Url!.Port}"));
        });
        await using var services = new ServiceCollection()
            .AddDidResolution(configureWeb: options => options.AllowHttpForLocalhost = true)
            .BuildServiceProvider();
        var resolver = services.GetRequiredService<IDidResolver>();
        Assert.IsType<CachingDidResolver>(resolver);
        var first = await resolver.ResolveAsync(server.Did + "#key-1");
        var second = await resolver.ResolveAsync(server.Did);
        Assert.True(first.IsSuccess, first.DidResolutionMetadata.Message);
        Assert.Same(first, second);
        Assert.Equal(1, hits);
        Assert.True((await resolver.ResolveAsync("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")).IsSuccess);
        Assert.Equal(DidResolutionErrors.MethodNotSupported, (await resolver.ResolveAsync("did:example:123")).DidResolutionMetadata.Error);
    }
}
