using Identity.Shared.Verification;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Identity.Verifier;

/// <summary>Raised when a presentation was refused; <see cref="Error"/> says why (a fixed text, no value from the token).</summary>
public sealed class PresentationAuthenticationFailedContext(HttpContext context, AuthenticationScheme scheme, VerifiablePresentationOptions options, VerificationError error)
    : ResultContext<VerifiablePresentationOptions>(context, scheme, options)
{
    /// <summary>Why the presentation was refused.</summary>
    public VerificationError Error { get; } = error;
}
