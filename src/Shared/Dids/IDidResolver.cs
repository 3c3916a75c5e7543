namespace Identity.Shared.Dids;

/// <summary>Resolves DIDs of any supported method.</summary>
public interface IDidResolver
{
    /// <summary>
    /// Resolves a DID or DID URL (the fragment is ignored; <c>versionId</c> / <c>versionTime</c> come from the
    /// query). Never throws on bad input: a malformed DID gives <c>invalidDid</c>, an unknown method
    /// <c>methodNotSupported</c>, a failure of the method the method's error. Only cancellation of
    /// <paramref name="cancellationToken"/> throws.
    /// </summary>
    Task<DidResolutionResult> ResolveAsync(string didOrDidUrl, DidResolutionOptions? options = null, CancellationToken cancellationToken = default);
}
