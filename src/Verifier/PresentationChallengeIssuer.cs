using System.Security.Cryptography;
using Identity.Shared.Encoding;
using Identity.Verifier.Nonces;
using Microsoft.Extensions.Options;

namespace Identity.Verifier;

/// <summary>Issues challenges: 256 random bits as a base64url nonce, remembered by the nonce store for the scheme's lifetime.</summary>
public sealed class PresentationChallengeIssuer(IOptionsMonitor<VerifiablePresentationOptions> options, IPresentationNonceStore nonces, TimeProvider timeProvider)
{
    /// <summary>A new challenge for <paramref name="scheme"/>; null when the nonce store refuses it (full).</summary>
    public async Task<PresentationChallenge?> IssueAsync(string scheme = VerifiablePresentationDefaults.AuthenticationScheme, CancellationToken cancellationToken = default)
    {
        var settings = options.Get(scheme);
        if (string.IsNullOrEmpty(settings.Audience))
        {
            throw new InvalidOperationException($"No verifiable-presentation scheme '{scheme}' with an Audience is registered: call AddVerifiablePresentation(\"{scheme}\", o => o.Audience = …) or map the challenge for the scheme you added.");
        }

        var nonce = Base64UrlStrict.Encode(RandomNumberGenerator.GetBytes(32));
        var expiresAt = timeProvider.GetUtcNow() + settings.NonceLifetime;
        return await nonces.TryAddAsync(nonce, expiresAt, cancellationToken).ConfigureAwait(false)
            ? new PresentationChallenge(nonce, settings.Audience, expiresAt)
            : null;
    }
}
