using Identity.Shared.Dids;
using Identity.Shared.Verification.Steps;

namespace Identity.Shared.Verification;

/// <summary>
/// Verifies a presentation: parse → resolve the holder → signature by an authentication method → time → each
/// credential (<see cref="CredentialVerifier"/>: resolve, signature, time, status, trust) → holder binding →
/// audience and nonce. Stops at the first failure and never throws on bad input.
/// </summary>
public sealed class PresentationVerifier
{
    private readonly IDidResolver resolver;
    private readonly CredentialVerifier credentials;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates the verifier over the credential verifier it delegates each presented credential to.</summary>
    public PresentationVerifier(IDidResolver resolver, CredentialVerifier credentials, TimeProvider? timeProvider = null)
    {
        this.resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
        this.credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Verifies a presentation token addressed to <paramref name="audience"/> with the verifier's <paramref name="nonce"/>.</summary>
    public async Task<VerificationResult> VerifyAsync(string token, string audience, string nonce, VerificationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(nonce);
        options ??= VerificationOptions.Default;
        var now = options.At ?? timeProvider.GetUtcNow();

        if (!ParseStep.TryParsePresentation(token, options.Jws, out var presentation, out var parseError))
        {
            return VerificationResult.Failed(parseError);
        }

        var holder = await ResolveStep.ResolveAsync(resolver, presentation.Holder, cancellationToken).ConfigureAwait(false);
        if (!holder.Succeeded)
        {
            return VerificationResult.Failed(holder.Error);
        }

        var signature = SignatureStep.Verify(presentation.Jws, holder.Value, VerificationRelationship.Authentication);
        if (!signature.Succeeded)
        {
            return VerificationResult.Failed(signature.Error);
        }

        if (TimeStep.Check(presentation.NotBefore, presentation.IssuedAt, presentation.ExpiresAt, now, options.ClockSkew, "presentation") is { } timeError)
        {
            return VerificationResult.Failed(timeError);
        }

        var verified = new List<CredentialSummary>(presentation.Presentation.Credentials.Count);
        foreach (var presented in presentation.Presentation.Credentials)
        {
            if (presented.Token is null)
            {
                return VerificationResult.Failed(new VerificationError(VerificationErrorCode.Malformed, "A presented credential carries no proof (only JWT-secured credentials are accepted)."));
            }

            var credential = await credentials.VerifyCredentialAsync(presented.Token, options, now, cancellationToken).ConfigureAwait(false);
            if (!credential.Succeeded)
            {
                return VerificationResult.Failed(credential.Error);
            }

            verified.Add(credential.Value);
        }

        if (options.RequireHolderBinding && HolderBindingStep.Check(presentation.Holder, holder.Value.Id, [.. verified.Select(c => c.Subject)]) is { } bindingError)
        {
            return VerificationResult.Failed(bindingError);
        }

        if (AudienceNonceStep.Check(presentation.Audience, presentation.Nonce, audience, nonce) is { } audienceError)
        {
            return VerificationResult.Failed(audienceError);
        }

        return new VerificationResult { Holder = presentation.Holder, Credentials = verified };
    }
}
