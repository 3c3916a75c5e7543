using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Identity.Verifier;

/// <summary>Raised before the presentation is read; set <see cref="Token"/> to take it from elsewhere than <c>Authorization: Bearer</c>.</summary>
public sealed class PresentationReceivedContext(HttpContext context, AuthenticationScheme scheme, VerifiablePresentationOptions options)
    : ResultContext<VerifiablePresentationOptions>(context, scheme, options)
{
    /// <summary>The presentation token to verify; null: read the Authorization header.</summary>
    public string? Token { get; set; }
}
