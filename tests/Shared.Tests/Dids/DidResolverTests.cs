using Identity.Shared.Dids;

namespace Identity.Shared.Tests.Dids;

public sealed class DidResolverTests
{
    private readonly TestMethodResolver method = new();

    private DidResolver Create() => new([method, new DidKeyResolver(), new DidJwkResolver()]);

    [Theory]
    [InlineData("")]
    [InlineData("not a did")]
    [InlineData("did:Test:1")]
    [InlineData("did:test:")]
    [InlineData("did:test:1#a#b")]
    public async Task ResolveAsync_Malformed_InvalidDid(string input)
    {
        var result = await Create().ResolveAsync(input);
        Assert.Equal(DidResolutionErrors.InvalidDid, result.DidResolutionMetadata.Error);
        Assert.Equal(0, method.ResolveCalls);
    }

    [Fact]
    public async Task ResolveAsync_Oversized_InvalidDidWithoutCallingMethod()
    {
        var result = await Create().ResolveAsync("did:test:" + new string('a', DidResolver.MaxDidUrlLength));
        Assert.Equal(DidResolutionErrors.InvalidDid, result.DidResolutionMetadata.Error);
        Assert.Equal(0, method.ResolveCalls);
    }

    [Fact]
    public async Task ResolveAsync_UnknownMethod_MethodNotSupported()
    {
        var result = await Create().ResolveAsync("did:example:123");
        Assert.Equal(DidResolutionErrors.MethodNotSupported, result.DidResolutionMetadata.Error);
        Assert.Contains("example", result.DidResolutionMetadata.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_VersionIdAndVersionTime_InvalidOptions()
    {
        var result = await Create().ResolveAsync("did:test:1?versionId=1&versionTime=2020-01-01T00:00:00Z");
        Assert.Equal(DidResolutionErrors.InvalidOptions, result.DidResolutionMetadata.Error);
    }

    [Fact]
    public async Task ResolveAsync_DidUrlWithFragment_ResolvesTheDid()
    {
        var result = await Create().ResolveAsync("did:test:1?versionId=3#key-1");
        Assert.True(result.IsSuccess);
        Assert.Equal("did:test:1", result.DidDocument.Id);
    }

    [Fact]
    public async Task ResolveAsync_MethodThrows_InternalErrorNotException()
    {
        method.Override = _ => throw new InvalidOperationException("bug with secret detail");
        var result = await Create().ResolveAsync("did:test:1");
        Assert.Equal(DidResolutionErrors.InternalError, result.DidResolutionMetadata.Error);
        Assert.DoesNotContain("secret", result.DidResolutionMetadata.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_MethodReturnsForeignDocument_InvalidDidDocument()
    {
        method.Override = _ => DidResolutionResult.Success(new DidDocument { Id = "did:test:other" }, DidContentTypes.DidLdJson);
        var result = await Create().ResolveAsync("did:test:1");
        Assert.Equal(DidResolutionErrors.InvalidDidDocument, result.DidResolutionMetadata.Error);
    }

    [Fact]
    public async Task ResolveAsync_CallerCancels_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        method.Override = _ => throw new OperationCanceledException(cancelled.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Create().ResolveAsync("did:test:1", cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Constructor_TwoResolversForOneMethod_Throws() =>
        Assert.Throws<ArgumentException>(() => new DidResolver([new DidKeyResolver(), new DidKeyResolver()]));
}
