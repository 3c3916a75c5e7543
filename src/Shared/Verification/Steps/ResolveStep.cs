using Identity.Shared.Dids;

namespace Identity.Shared.Verification.Steps;

/// <summary>
/// Resolve: the signer's DID document. A resolver fault is <c>resolution_failed</c>, never a bad signature; a DID the
/// method says does not exist is <c>did_not_found</c>; a deactivated DID is <c>did_deactivated</c>.
/// </summary>
internal static class ResolveStep
{
    public static async Task<StepResult<DidDocument>> ResolveAsync(IDidResolver resolver, string did, CancellationToken cancellationToken)
    {
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
        if (error is null && result.DidDocument is not null)
        {
            return StepResult<DidDocument>.Success(result.DidDocument);
        }

        return error switch
        {
            DidResolutionErrors.InvalidDid or DidResolutionErrors.InvalidDidUrl => StepResult<DidDocument>.Fail(VerificationErrorCode.Malformed, "The signer is not a valid DID."),
            DidResolutionErrors.NotFound => StepResult<DidDocument>.Fail(VerificationErrorCode.DidNotFound, "The signer's DID was not found."),
            _ => StepResult<DidDocument>.Fail(VerificationErrorCode.ResolutionFailed, $"The signer's DID could not be resolved ({error ?? "no document"})."),
        };
    }
}
