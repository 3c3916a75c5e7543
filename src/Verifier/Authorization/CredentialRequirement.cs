using Identity.Verifier.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Identity.Verifier.Authorization;

/// <summary>
/// The user holds a verified credential of <see cref="CredentialType"/>, from one of <see cref="TrustedIssuers"/>
/// (any issuer when empty), valid now, that satisfies <see cref="Predicate"/>.
/// </summary>
public sealed class CredentialRequirement : IAuthorizationRequirement
{
    /// <summary>Creates the requirement.</summary>
    public CredentialRequirement(string credentialType, IEnumerable<string>? trustedIssuers = null, Func<VerifiedCredential, DateTimeOffset, bool>? predicate = null, string? description = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialType);
        CredentialType = credentialType;
        TrustedIssuers = [.. trustedIssuers ?? []];
        Predicate = predicate;
        Description = description ?? $"holds a valid {credentialType}";
    }

    /// <summary>The credential type required.</summary>
    public string CredentialType { get; }

    /// <summary>The issuers accepted; empty: any issuer the authentication scheme trusted.</summary>
    public IReadOnlyList<string> TrustedIssuers { get; }

    /// <summary>An extra condition on the credential, given the current time; null: none.</summary>
    public Func<VerifiedCredential, DateTimeOffset, bool>? Predicate { get; }

    /// <summary>What the requirement says, for logs and failure reasons.</summary>
    public string Description { get; }

    /// <summary>Whether <paramref name="credential"/> meets the requirement at <paramref name="now"/>.</summary>
    public bool IsMetBy(VerifiedCredential credential, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return credential.HasType(CredentialType)
            && (TrustedIssuers.Count == 0 || TrustedIssuers.Contains(credential.Issuer, StringComparer.Ordinal))
            && credential.IsValidAt(now)
            && (Predicate is null || Predicate(credential, now));
    }

    /// <inheritdoc />
    public override string ToString() => Description;
}
