using Identity.Shared.Verification;
using Identity.Shared.Verification.Steps;

namespace Identity.Shared.Tests.Verification.Steps;

public sealed class TrustTests
{
    private const string Hospital = "did:ethr:0x1111111111111111111111111111111111111111";
    private const string Insurer = "did:ethr:0x2222222222222222222222222222222222222222";
    private const string Stranger = "did:ethr:0x3333333333333333333333333333333333333333";

    private static readonly TrustPolicy Global = new() { TrustedIssuers = [Hospital] };

    private static readonly TrustPolicy PerType = new()
    {
        TrustedIssuers = [Hospital],
        TrustedIssuersByType = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal)
        {
            ["HealthInsuranceCredential"] = [Insurer],
            ["ImmunizationCredential"] = [Hospital, Insurer],
        },
    };

    // name, policy, issuer, types, trusted
    public static TheoryData<string, string, string, string[], bool> Cases => new()
    {
        { "unrestricted trusts anyone", "unrestricted", Stranger, ["VerifiableCredential"], true },
        { "global list names the issuer", "global", Hospital, ["VerifiableCredential"], true },
        { "global list does not name the issuer", "global", Stranger, ["VerifiableCredential"], false },
        { "type list wins over the global list", "perType", Insurer, ["VerifiableCredential", "HealthInsuranceCredential"], true },
        { "globally trusted issuer not trusted for a typed credential", "perType", Hospital, ["VerifiableCredential", "HealthInsuranceCredential"], false },
        { "type without a list falls back to global", "perType", Hospital, ["VerifiableCredential", "PatientIdentityCredential"], true },
        { "every applicable type list must name the issuer", "perType", Hospital, ["HealthInsuranceCredential", "ImmunizationCredential"], false },
        { "issuer in every applicable type list", "perType", Insurer, ["HealthInsuranceCredential", "ImmunizationCredential"], true },
        { "comparison is ordinal (case matters)", "global", Hospital.ToUpperInvariant(), ["VerifiableCredential"], false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_Case_GivesVerdict(string name, string policy, string issuer, string[] types, bool trusted)
    {
        var trust = policy switch
        {
            "global" => Global,
            "perType" => PerType,
            _ => TrustPolicy.Unrestricted,
        };

        var error = TrustStep.Check(issuer, types, trust);

        Assert.True(trusted == (error is null), $"{name}: expected {(trusted ? "trusted" : "untrusted")}, got {error?.Code.Value ?? "trusted"}");
        if (error is not null)
        {
            Assert.Equal(VerificationErrorCode.UntrustedIssuer, error.Code);
        }
    }
}
