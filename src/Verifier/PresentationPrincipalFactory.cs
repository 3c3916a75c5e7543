using System.Security.Claims;
using Identity.Shared.Credentials;
using Identity.Shared.Verification;
using Identity.Verifier.Claims;

namespace Identity.Verifier;

/// <summary>
/// Builds the principal of a verified presentation: the holder DID as name identifier; per credential its JSON,
/// types and issuer; the configured claim mappings.
/// </summary>
internal static class PresentationPrincipalFactory
{
    public static ClaimsPrincipal Create(DecodedPresentation presentation, VerificationResult result, VerifiablePresentationOptions options, string scheme)
    {
        var issuer = options.ClaimsIssuer ?? scheme;
        var identity = new ClaimsIdentity(scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, result.Holder!, ClaimValueTypes.String, issuer));
        var issuers = new HashSet<string>(StringComparer.Ordinal);
        var types = new HashSet<string>(StringComparer.Ordinal);
        var mapped = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < result.Credentials.Count; i++)
        {
            var summary = result.Credentials[i];
            var credential = ToVerified(summary, presentation.Presentation.Credentials[i].Token, options);
            identity.AddClaim(new Claim(VerifiablePresentationClaimTypes.Credential, credential.ToJson(), VerifiablePresentationClaimTypes.JsonValueType, issuer));
            foreach (var type in summary.Types.Where(types.Add))
            {
                identity.AddClaim(new Claim(VerifiablePresentationClaimTypes.CredentialType, type, ClaimValueTypes.String, issuer));
            }

            if (issuers.Add(summary.Issuer))
            {
                identity.AddClaim(new Claim(VerifiablePresentationClaimTypes.CredentialIssuer, summary.Issuer, ClaimValueTypes.String, issuer));
            }

            foreach (var mapping in options.ClaimMappings)
            {
                // The first credential that yields a value wins, so a claim type appears once.
                if (mapped.Contains(mapping.ClaimType) || !credential.HasType(mapping.CredentialType))
                {
                    continue;
                }

                var value = credential.Select(mapping.Path).Select(mapping.Format).FirstOrDefault(v => v is not null);
                if (value is not null)
                {
                    identity.AddClaim(new Claim(mapping.ClaimType, value, ClaimValueTypes.String, issuer));
                    mapped.Add(mapping.ClaimType);
                }
            }
        }

        return new ClaimsPrincipal(identity);
    }

    /// <summary>The earliest end of validity of the principal's credentials: a session should not outlive them.</summary>
    public static DateTimeOffset? EarliestExpiry(ClaimsPrincipal principal) =>
        principal.GetVerifiedCredentials().Select(c => c.ValidUntil).Where(u => u is not null).Min();

    private static VerifiedCredential ToVerified(CredentialSummary summary, string? token, VerifiablePresentationOptions options)
    {
        var decoded = token is null ? null : PresentationPeek.DecodeCredential(token, options.Verification.Jws);
        return new VerifiedCredential
        {
            Issuer = summary.Issuer,
            Subject = summary.Subject,
            Types = summary.Types,
            ValidFrom = Later(decoded?.NotBefore, decoded?.Credential.NotBefore),
            ValidUntil = Earlier(decoded?.ExpiresAt, decoded?.Credential.NotAfter),
            Claims = summary.Claims,
        };
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
