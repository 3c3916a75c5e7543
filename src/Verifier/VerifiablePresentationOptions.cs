using System.Security.Claims;
using Identity.Shared.Verification;
using Identity.Verifier.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Identity.Verifier;

/// <summary>Options of the verifiable-presentation authentication scheme; validated at start-up.</summary>
public sealed class VerifiablePresentationOptions : AuthenticationSchemeOptions
{
    /// <summary>Creates options with the default claim mappings and events.</summary>
    public VerifiablePresentationOptions()
    {
        Events = new VerifiablePresentationEvents();
    }

    /// <summary>This verifier's audience: what a presentation's <c>aud</c> must contain (typically the site's origin). Required.</summary>
    public string? Audience { get; set; }

    /// <summary>Issuer DIDs trusted for every credential type without a list of its own; empty: any issuer (the policies may still restrict).</summary>
    public IList<string> TrustedIssuers { get; } = [];

    /// <summary>Issuer DIDs trusted per credential type (e.g. HealthInsuranceCredential → the hospitals); a type's list wins over <see cref="TrustedIssuers"/>.</summary>
    public IDictionary<string, IList<string>> TrustedIssuersByType { get; } = new Dictionary<string, IList<string>>(StringComparer.Ordinal);

    /// <summary>Tolerance for the clocks of issuers, holders and this verifier.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an issued nonce can be used.</summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Challenges (nonces) one client address may ask for per <see cref="ChallengeRateWindow"/>.</summary>
    public int ChallengeRateLimit { get; set; } = 60;

    /// <summary>The window of <see cref="ChallengeRateLimit"/>.</summary>
    public TimeSpan ChallengeRateWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The address of docs/errors.md; each 401's <c>error_uri</c> is this with the error code as fragment.</summary>
    public Uri ErrorDocumentation { get; set; } = new("https://identity.example/docs/errors.md");

    /// <summary>Rules copying subject values into standard claims; by default the FHIR Patient's name and birth date.</summary>
    public IList<CredentialClaimMapping> ClaimMappings { get; } =
    [
        new("PatientIdentityCredential", "name[0]", ClaimTypes.Name) { Format = CredentialClaimMapping.FormatFhirHumanName },
        new("PatientIdentityCredential", "name[0].given[0]", ClaimTypes.GivenName),
        new("PatientIdentityCredential", "name[0].family", ClaimTypes.Surname),
        new("PatientIdentityCredential", "birthDate", ClaimTypes.DateOfBirth),
    ];

    /// <summary>Whether the presentation's raw token is kept in the authentication properties (<c>.Token.presentation</c>); off: it holds health data.</summary>
    public bool SaveToken { get; set; }

    /// <summary>The events raised by the handler.</summary>
    public new VerifiablePresentationEvents Events
    {
        get => (VerifiablePresentationEvents)base.Events!;
        set => base.Events = value;
    }

    /// <summary>The engine's policy derived from these options (by the post-configure step).</summary>
    internal VerificationOptions Verification { get; set; } = VerificationOptions.Default;
}
