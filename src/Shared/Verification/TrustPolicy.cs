namespace Identity.Shared.Verification;

/// <summary>Which issuers are trusted: for every credential, or per credential type (a type's list wins over the global one).</summary>
public sealed record TrustPolicy
{
    /// <summary>No restriction: any issuer whose signature holds.</summary>
    public static TrustPolicy Unrestricted { get; } = new();

    /// <summary>Issuer DIDs trusted for credentials of types without a list of their own.</summary>
    public IReadOnlyCollection<string> TrustedIssuers { get; init; } = [];

    /// <summary>Issuer DIDs trusted per credential type, e.g. HealthInsuranceCredential → the hospitals' DIDs.</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> TrustedIssuersByType { get; init; } = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);
}
