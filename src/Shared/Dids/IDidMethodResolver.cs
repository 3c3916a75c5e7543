namespace Identity.Shared.Dids;

/// <summary>Resolves the DIDs of one method; <see cref="DidResolver"/> dispatches to it by <see cref="Method"/>.</summary>
public interface IDidMethodResolver
{
    /// <summary>The method name, e.g. <c>key</c>.</summary>
    string Method { get; }

    /// <summary>
    /// Resolves a parsed DID URL whose method is <see cref="Method"/>. Expected failures are results with an error
    /// code, not exceptions.
    /// </summary>
    Task<DidResolutionResult> ResolveAsync(DidUrl didUrl, DidResolutionOptions options, CancellationToken cancellationToken);
}
