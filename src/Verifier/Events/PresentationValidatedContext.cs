using Identity.Shared.Verification;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Identity.Verifier;

/// <summary>Raised after the presentation verified and its nonce was redeemed; the principal may be changed or the result failed.</summary>
public sealed class PresentationValidatedContext(HttpContext context, AuthenticationScheme scheme, VerifiablePresentationOptions options, VerificationResult verification)
    : ResultContext<VerifiablePresentationOptions>(context, scheme, options)
{
    /// <summary>The engine's verdict (holder and verified credentials).</summary>
    public VerificationResult Verification { get; } = verification;
}
