using Identity.Shared.Dids;

namespace Identity.Shared.Tests.Dids;

/// <summary>
/// A did:test method resolver for dispatcher and cache tests: counts calls, answers from a settable document
/// version, and implements the freshness hook by comparing versionId, as did:ethr will with changed(identity).
/// </summary>
public sealed class TestMethodResolver : IDidRevalidatingResolver
{
    private int resolveCalls;
    private int revalidateCalls;

    public string Method => "test";

    /// <summary>The current version of every did:test document.</summary>
    public int Version { get; set; } = 1;

    public bool Fail { get; set; }

    public bool ThrowOnRevalidate { get; set; }

    public Func<DidUrl, DidResolutionResult>? Override { get; set; }

    public int ResolveCalls => resolveCalls;

    public int RevalidateCalls => revalidateCalls;

    public Task<DidResolutionResult> ResolveAsync(DidUrl didUrl, DidResolutionOptions options, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref resolveCalls);
        if (Override is not null)
        {
            return Task.FromResult(Override(didUrl));
        }

        if (Fail)
        {
            return Task.FromResult(DidResolutionResult.Failure(DidResolutionErrors.NotFound, "Down."));
        }

        var document = new DidDocument { Id = didUrl.Did.Value, VerificationMethod = [] };
        var metadata = new DidDocumentMetadata { VersionId = Version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return Task.FromResult(DidResolutionResult.Success(document, options.Accept ?? DidContentTypes.DidLdJson, metadata));
    }

    public ValueTask<bool> IsCurrentAsync(DidUrl didUrl, DidResolutionResult cached, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref revalidateCalls);
        if (ThrowOnRevalidate)
        {
            throw new InvalidOperationException("RPC down");
        }

        return ValueTask.FromResult(cached.DidDocumentMetadata.VersionId == Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
