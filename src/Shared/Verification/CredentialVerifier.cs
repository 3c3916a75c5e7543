using Identity.Shared.Dids;
using Identity.Shared.StatusLists;
using Identity.Shared.Verification.Steps;

namespace Identity.Shared.Verification;

/// <summary>
/// Verifies a credential (VC-JWT or VC-JOSE-COSE): parse → resolve the issuer → signature by an assertionMethod →
/// time → status → trust. Stops at the first failure; never throws on bad input; a resolver or status-list fault is
/// reported as such (<c>resolution_failed</c>, <c>status_unavailable</c>), never as a bad signature.
/// </summary>
public sealed class CredentialVerifier
{
    private readonly IDidResolver resolver;
    private readonly StatusStep? status;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates the verifier. Without a status-list provider, a credential that has a status fails closed.</summary>
    public CredentialVerifier(IDidResolver resolver, IStatusListProvider? statusLists = null, TimeProvider? timeProvider = null)
    {
        this.resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
        status = statusLists is null ? null : new StatusStep(statusLists, resolver);
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Verifies one credential token.</summary>
    public async Task<VerificationResult> VerifyAsync(string token, VerificationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= VerificationOptions.Default;
        var outcome = await VerifyCredentialAsync(token, options, options.At ?? timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded ? new VerificationResult { Credentials = [outcome.Value] } : VerificationResult.Failed(outcome.Error);
    }

    internal async Task<StepResult<CredentialSummary>> VerifyCredentialAsync(string token, VerificationOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!ParseStep.TryParseCredential(token, options.Jws, out var credential, out var parseError))
        {
            return parseError;
        }

        var issuer = await ResolveStep.ResolveAsync(resolver, credential.Issuer, cancellationToken).ConfigureAwait(false);
        if (!issuer.Succeeded)
        {
            return issuer.Error;
        }

        var signature = SignatureStep.Verify(credential.Jws, issuer.Value, VerificationRelationship.AssertionMethod);
        if (!signature.Succeeded)
        {
            return signature.Error;
        }

        if (TimeStep.Check(credential.NotBefore, credential.IssuedAt, credential.ExpiresAt, now, options.ClockSkew, "credential") is { } timeError)
        {
            return timeError;
        }

        // VCDM 2.0: validFrom/validUntil bound the data itself, beside the token's own nbf/exp.
        if (TimeStep.Check(credential.Credential.ValidFrom, null, credential.Credential.ValidUntil, now, options.ClockSkew, "credential") is { } validityError)
        {
            return validityError;
        }

        if (options.CheckStatus && credential.Credential.Statuses.Count > 0)
        {
            var statusError = status is null
                ? new VerificationError(VerificationErrorCode.StatusUnavailable, "The credential has a status, and no status-list provider is configured.")
                : await status.CheckAsync(credential, now, options, cancellationToken).ConfigureAwait(false);
            if (statusError is not null)
            {
                return statusError;
            }
        }

        if (TrustStep.Check(credential.Issuer, credential.Types, options.Trust) is { } trustError)
        {
            return trustError;
        }

        return StepResult<CredentialSummary>.Success(new CredentialSummary(credential.Issuer, credential.Subject, credential.Types, credential.Claims));
    }
}
