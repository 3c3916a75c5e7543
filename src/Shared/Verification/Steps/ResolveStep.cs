using Identity.Shared.Dids;

namespace Identity.Shared.Verification.Steps;

/// <summary>
/// Resolve: the signer's current DID document. The signer must be a plain DID: a DID URL (<c>?versionId=</c>,
/// <c>?versionTime=</c>, a path or fragment) would let the token choose an old version of the document in which a
/// since-revoked key was still valid. A resolver fault (an error, a throw, a document for another DID) is
/// <c>resolution_failed</c>, never a bad signature; a DID the method says does not exist is <c>did_not_found</c>; a
/// deactivated DID is <c>did_deactivated</c>.
/// </summary>
internal static class ResolveStep
{
    public static async Task<StepResult<DidDocument>> ResolveAsync(IDidResolver resolver, string did, CancellationToken cancellationToken)
    {
        if (!Did.TryParse(did, out _))
        {
            return StepResult<DidDocument>.Fail(VerificationErrorCode.Malformed, "The signer is not a plain DID (no path, query or fragment).");
        }

        DidResolutionResult result;
        try
        {
            result = await resolver.ResolveAsync(did, DidResolutionOptions.Default, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A resolver plug-in that throws is a fault of the check, not of the token: fail closed, say why.
            return StepResult<DidDocument>.Fail(VerificationErrorCode.ResolutionFailed, $"Resolving the DID failed: {e.GetType().Name}.");
        }

        if (result.DidDocumentMetadata.Deactivated == true)
        {
            return StepResult<DidDocument>.Fail(VerificationErrorCode.DidDeactivated, "The signer's DID is deactivated.");
        }

        var error = result.DidResolutionMetadata.Error;
        if (error is null && result.DidDocument is { } document)
        {
            // A document about another subject says nothing about this signer's keys.
            return string.Equals(document.Id, did, StringComparison.Ordinal)
                ? StepResult<DidDocument>.Success(document)
                : StepResult<DidDocument>.Fail(VerificationErrorCode.ResolutionFailed, "The resolver returned a document for another DID.");
        }

        return error switch
        {
            DidResolutionErrors.InvalidDid or DidResolutionErrors.InvalidDidUrl => StepResult<DidDocument>.Fail(VerificationErrorCode.Malformed, "The signer is not a valid DID."),
            DidResolutionErrors.NotFound => StepResult<DidDocument>.Fail(VerificationErrorCode.DidNotFound, "The signer's DID was not found."),
            DidResolutionErrors.MethodNotSupported => StepResult<DidDocument>.Fail(VerificationErrorCode.ResolutionFailed, "The signer's DID method is not supported."),
            _ => StepResult<DidDocument>.Fail(VerificationErrorCode.ResolutionFailed, "The signer's DID could not be resolved."),
        };
    }
}
