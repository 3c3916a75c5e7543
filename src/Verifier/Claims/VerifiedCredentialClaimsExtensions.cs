using System.Security.Claims;
using Identity.Verifier.Claims;

namespace Identity.Verifier;

/// <summary>Reads the verified credentials back out of a principal the presentation handler (or the cookie it signed in) built.</summary>
public static class VerifiedCredentialClaimsExtensions
{
    /// <summary>The credentials of every <see cref="VerifiablePresentationClaimTypes.Credential"/> claim; unreadable claims are skipped.</summary>
    public static IReadOnlyList<VerifiedCredential> GetVerifiedCredentials(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var credentials = new List<VerifiedCredential>();
        foreach (var claim in principal.FindAll(VerifiablePresentationClaimTypes.Credential))
        {
            if (VerifiedCredential.TryParse(claim.Value, out var credential))
            {
                credentials.Add(credential);
            }
        }

        return credentials;
    }
}
