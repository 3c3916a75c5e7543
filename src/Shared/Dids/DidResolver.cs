using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Identity.Shared.Dids;

/// <summary>
/// Dispatches resolution to the <see cref="IDidMethodResolver"/> of the DID's method. Parses the input, refuses
/// oversized or malformed DIDs, and turns any failure of a method resolver into an <c>internalError</c> result,
/// so callers never see an exception other than their own cancellation.
/// </summary>
public sealed class DidResolver : IDidResolver
{
    /// <summary>
    /// Longest DID URL accepted. A did:jwk of an RSA-4096 key is about 1 KB; 8 KiB leaves room while bounding the
    /// work any method does on hostile input.
    /// </summary>
    public const int MaxDidUrlLength = 8192;

    private readonly Dictionary<string, IDidMethodResolver> resolvers;
    private readonly ILogger<DidResolver> logger;

    /// <summary>Creates the dispatcher; two resolvers for one method is a configuration error.</summary>
    public DidResolver(IEnumerable<IDidMethodResolver> methodResolvers, ILogger<DidResolver>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(methodResolvers);
        resolvers = new Dictionary<string, IDidMethodResolver>(StringComparer.Ordinal);
        foreach (var resolver in methodResolvers)
        {
            if (!resolvers.TryAdd(resolver.Method, resolver))
            {
                throw new ArgumentException($"Two DID resolvers are registered for the method '{resolver.Method}'; register one.", nameof(methodResolvers));
            }
        }

        this.logger = logger ?? NullLogger<DidResolver>.Instance;
    }

    /// <summary>The methods this resolver supports.</summary>
    public IReadOnlyCollection<string> Methods => resolvers.Keys;

    /// <inheritdoc />
    public async Task<DidResolutionResult> ResolveAsync(string didOrDidUrl, DidResolutionOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(didOrDidUrl) || didOrDidUrl.Length > MaxDidUrlLength)
        {
            return DidResolutionResult.Failure(DidResolutionErrors.InvalidDid, $"A DID must be between 1 and {MaxDidUrlLength} characters.");
        }

        if (!DidUrl.TryParse(didOrDidUrl, out var didUrl))
        {
            return DidResolutionResult.Failure(DidResolutionErrors.InvalidDid, "The input is not a DID or DID URL (DID Core §3.1, §3.2).");
        }

        if (!resolvers.TryGetValue(didUrl.Did.Method, out var resolver))
        {
            return DidResolutionResult.Failure(DidResolutionErrors.MethodNotSupported, $"The DID method '{didUrl.Did.Method}' is not supported.");
        }

        if (didUrl.VersionId is not null && didUrl.VersionTime is not null)
        {
            return DidResolutionResult.Failure(DidResolutionErrors.InvalidOptions, "versionId and versionTime cannot be used together.");
        }

        DidResolutionResult result;
        try
        {
            result = await resolver.ResolveAsync(didUrl, options ?? DidResolutionOptions.Default, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The contract is "never throws": a bug in a method resolver becomes a result, and is logged.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.MethodResolverFailed(exception, didUrl.Did.Method);
            return DidResolutionResult.Failure(DidResolutionErrors.InternalError, $"The did:{didUrl.Did.Method} resolver failed.");
        }

        // A method must return the document of the DID asked for; anything else is never passed on.
        if (result.DidDocument is not null && result.DidResolutionMetadata.Error is null &&
            !string.Equals(result.DidDocument.Id, didUrl.Did.Value, StringComparison.Ordinal))
        {
            return DidResolutionResult.Failure(DidResolutionErrors.InvalidDidDocument, "The resolved document's id is not the DID that was resolved.");
        }

        return result;
    }
}
