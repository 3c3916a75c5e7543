using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Verification;
using Identity.Shared.Verification.Steps;

namespace Identity.Shared.Tests.Verification.Steps;

public sealed class ResolveTests
{
    private const string Did = "did:test:abc";

    private static readonly DidDocument Document = new() { Id = Did };

    // name, what the resolver does, expected code
    public static TheoryData<string, string, string> Faults => new()
    {
        { "notFound", "notFound", "did_not_found" },
        { "deactivated document", "deactivated", "did_deactivated" },
        { "deactivated without a document", "deactivatedEmpty", "did_deactivated" },
        { "internalError", "internalError", "resolution_failed" },
        { "methodNotSupported", "methodNotSupported", "resolution_failed" },
        { "an error unknown to us", "weird", "resolution_failed" },
        { "invalidDid", "invalidDid", "malformed" },
        { "success without a document", "noDocument", "resolution_failed" },
        { "a document for another DID", "otherDocument", "resolution_failed" },
        { "throws InvalidOperationException", "throw", "resolution_failed" },
        { "throws HttpRequestException", "throwHttp", "resolution_failed" },
        { "times out (TaskCanceledException not asked for)", "timeout", "resolution_failed" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task ResolveAsync_ResolverFault_GivesCode(string name, string behaviour, string expected)
    {
        var result = await ResolveStep.ResolveAsync(new StubResolver(behaviour), Did, CancellationToken.None);

        Assert.True(!result.Succeeded && result.Error.Code.Value == expected, $"{name}: expected {expected}, got {(result.Succeeded ? "success" : result.Error.Code.Value)}");
    }

    [Fact]
    public async Task ResolveAsync_Document_Succeeds()
    {
        var result = await ResolveStep.ResolveAsync(new StubResolver("ok"), Did, CancellationToken.None);

        Assert.Same(Document, result.Value);
    }

    [Fact]
    public async Task ResolveAsync_RealDidKey_Succeeds()
    {
        using var key = PrivateKey.Generate(KeyType.Ed25519);
        var did = DidKeyResolver.CreateDid(key.PublicKey);

        var result = await ResolveStep.ResolveAsync(new DidResolver([new DidKeyResolver()]), did, CancellationToken.None);

        Assert.Equal(did, result.Value?.Id);
    }

    [Fact]
    public async Task ResolveAsync_UnsupportedMethodThroughDispatcher_ResolutionFailed()
    {
        var result = await ResolveStep.ResolveAsync(new DidResolver([new DidKeyResolver()]), "did:nope:123", CancellationToken.None);

        Assert.Equal(VerificationErrorCode.ResolutionFailed, result.Error?.Code);
    }

    [Theory]
    [InlineData("did:test:abc?versionId=3")]
    [InlineData("did:test:abc?versionTime=2020-01-01T00:00:00Z")]
    [InlineData("did:test:abc#controller")]
    [InlineData("did:test:abc/path")]
    [InlineData("not a did")]
    [InlineData("")]
    public async Task ResolveAsync_NotAPlainDid_MalformedWithoutResolving(string signer)
    {
        var resolver = new StubResolver("ok");

        var result = await ResolveStep.ResolveAsync(resolver, signer, CancellationToken.None);

        Assert.Equal(VerificationErrorCode.Malformed, result.Error?.Code);
        Assert.Equal(0, resolver.Calls);
    }

    [Fact]
    public async Task ResolveAsync_CallerCancels_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ResolveStep.ResolveAsync(new StubResolver("honourCancellation"), Did, cancellation.Token));
    }

    [Fact]
    public async Task ResolveAsync_Failure_MessageHoldsNoResolverText()
    {
        var result = await ResolveStep.ResolveAsync(new StubResolver("weird"), Did, CancellationToken.None);

        Assert.DoesNotContain("<script>", result.Error!.Message, StringComparison.Ordinal);
    }

    private sealed class StubResolver(string behaviour) : IDidResolver
    {
        public int Calls { get; private set; }

        public Task<DidResolutionResult> ResolveAsync(string didOrDidUrl, DidResolutionOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return behaviour switch
            {
                "ok" => Task.FromResult(DidResolutionResult.Success(Document, DidContentTypes.DidJson)),
                "notFound" => Task.FromResult(DidResolutionResult.Failure(DidResolutionErrors.NotFound, "gone")),
                "deactivated" => Task.FromResult(DidResolutionResult.Success(Document, DidContentTypes.DidJson, new DidDocumentMetadata { Deactivated = true })),
                "deactivatedEmpty" => Task.FromResult(new DidResolutionResult { DidResolutionMetadata = new DidResolutionMetadata(), DidDocumentMetadata = new DidDocumentMetadata { Deactivated = true } }),
                "internalError" => Task.FromResult(DidResolutionResult.Failure(DidResolutionErrors.InternalError, "node down")),
                "methodNotSupported" => Task.FromResult(DidResolutionResult.Failure(DidResolutionErrors.MethodNotSupported, "no")),
                "weird" => Task.FromResult(DidResolutionResult.Failure("<script>", "<script>")),
                "invalidDid" => Task.FromResult(DidResolutionResult.Failure(DidResolutionErrors.InvalidDid, "bad")),
                "noDocument" => Task.FromResult(new DidResolutionResult { DidResolutionMetadata = new DidResolutionMetadata() }),
                "otherDocument" => Task.FromResult(DidResolutionResult.Success(new DidDocument { Id = "did:test:other" }, DidContentTypes.DidJson)),
                "throw" => throw new InvalidOperationException("bug"),
                "throwHttp" => Task.FromException<DidResolutionResult>(new HttpRequestException("refused")),
                "timeout" => Task.FromException<DidResolutionResult>(new TaskCanceledException("timeout")),
                "honourCancellation" => Task.FromCanceled<DidResolutionResult>(cancellationToken),
                _ => throw new InvalidOperationException("Unknown behaviour."),
            };
        }
    }
}
