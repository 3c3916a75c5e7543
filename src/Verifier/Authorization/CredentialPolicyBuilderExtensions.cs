using System.Text.Json;
using Identity.Verifier.Authorization;
using Identity.Verifier.Claims;

namespace Microsoft.AspNetCore.Authorization;

/// <summary>Policies over verified credentials: "holds X from a trusted issuer", "a claim of X satisfies P".</summary>
public static class CredentialPolicyBuilderExtensions
{
    /// <summary>Requires a credential of <paramref name="credentialType"/>, valid now, issued by one of <paramref name="trustedIssuers"/> (any when none).</summary>
    public static AuthorizationPolicyBuilder RequireCredential(this AuthorizationPolicyBuilder builder, string credentialType, params string[] trustedIssuers)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.RequireAuthenticatedUser().AddRequirements(new CredentialRequirement(credentialType, trustedIssuers));
    }

    /// <summary>
    /// Requires a valid credential of <paramref name="credentialType"/> with a value at <paramref name="path"/>
    /// (e.g. <c>birthDate</c>, <c>code.coding[*].code</c>) that satisfies <paramref name="predicate"/> (given the value
    /// and the current time; see <see cref="CredentialClaimPredicates"/>).
    /// </summary>
    public static AuthorizationPolicyBuilder RequireCredentialClaim(this AuthorizationPolicyBuilder builder, string credentialType, string path, Func<JsonElement, DateTimeOffset, bool> predicate, params string[] trustedIssuers)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(predicate);
        var claimPath = ClaimPath.Parse(path);
        return builder.RequireAuthenticatedUser().AddRequirements(new CredentialRequirement(
            credentialType,
            trustedIssuers,
            (credential, now) => claimPath.Select(credential.Claims).Any(value => predicate(value, now)),
            $"holds a valid {credentialType} whose {path} satisfies the condition"));
    }

    /// <summary>Requires a valid credential of <paramref name="credentialType"/> that satisfies <paramref name="predicate"/> as a whole (several claims at once).</summary>
    public static AuthorizationPolicyBuilder RequireCredentialMatch(this AuthorizationPolicyBuilder builder, string credentialType, Func<VerifiedCredential, DateTimeOffset, bool> predicate, params string[] trustedIssuers)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(predicate);
        return builder.RequireAuthenticatedUser().AddRequirements(new CredentialRequirement(credentialType, trustedIssuers, predicate, $"holds a valid {credentialType} that matches the condition"));
    }
}
