using Identity.Shared.Verification;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Identity.Verifier;

/// <summary>Raised before the 401 is written; call <see cref="HandleResponse"/> to write your own.</summary>
public sealed class PresentationChallengeContext(HttpContext context, AuthenticationScheme scheme, VerifiablePresentationOptions options, AuthenticationProperties properties, VerificationError? error)
    : PropertiesContext<VerifiablePresentationOptions>(context, scheme, options, properties)
{
    /// <summary>Why authentication failed; null when no presentation was sent.</summary>
    public VerificationError? Error { get; } = error;

    /// <summary>Whether the application wrote the response itself.</summary>
    public bool Handled { get; private set; }

    /// <summary>Skips the default 401 with <c>WWW-Authenticate</c>.</summary>
    public void HandleResponse() => Handled = true;
}
