using Identity.Shared.Verification;
using Identity.Verifier.Claims;
using Microsoft.Extensions.Options;

namespace Identity.Verifier;

/// <summary>
/// Derives the engine's <see cref="VerificationOptions"/> from the scheme's options, and refuses at start-up
/// (<c>ValidateOnStart</c>) options that cannot work, naming the fix.
/// </summary>
internal sealed class VerifiablePresentationPostConfigureOptions : IPostConfigureOptions<VerifiablePresentationOptions>, IValidateOptions<VerifiablePresentationOptions>
{
    public void PostConfigure(string? name, VerifiablePresentationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Verification = new VerificationOptions
        {
            ClockSkew = options.ClockSkew,
            Trust = new TrustPolicy
            {
                TrustedIssuers = [.. options.TrustedIssuers],
                TrustedIssuersByType = options.TrustedIssuersByType.ToDictionary(p => p.Key, p => (IReadOnlyCollection<string>)[.. p.Value], StringComparer.Ordinal),
            },
        };
    }

    public ValidateOptionsResult Validate(string? name, VerifiablePresentationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add($"The verifiable-presentation scheme '{name}' needs an Audience: set options.Audience to this site's origin (e.g. https://clinic.example).");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromHours(1))
        {
            failures.Add("ClockSkew must be between 0 and 1 hour.");
        }

        if (options.NonceLifetime < TimeSpan.FromSeconds(1) || options.NonceLifetime > TimeSpan.FromHours(1))
        {
            failures.Add("NonceLifetime must be between 1 second and 1 hour (a nonce is a short-lived challenge).");
        }

        if (options.ChallengeRateLimit < 1 || options.ChallengeRateWindow <= TimeSpan.Zero)
        {
            failures.Add("ChallengeRateLimit must be at least 1 and ChallengeRateWindow positive.");
        }

        if (!options.ErrorDocumentation.IsAbsoluteUri)
        {
            failures.Add("ErrorDocumentation must be an absolute URI (the address of docs/errors.md).");
        }

        foreach (var issuer in options.TrustedIssuers.Concat(options.TrustedIssuersByType.Values.SelectMany(v => v)))
        {
            if (!issuer.StartsWith("did:", StringComparison.Ordinal))
            {
                failures.Add("Trusted issuers are DIDs (did:method:…); one of them is not.");
                break;
            }
        }

        foreach (var mapping in options.ClaimMappings)
        {
            if (!ClaimPath.TryParse(mapping.Path, out _))
            {
                failures.Add($"Claim mapping to '{mapping.ClaimType}' has an invalid path '{mapping.Path}' (names separated by dots, each with optional [n] or [*]).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
