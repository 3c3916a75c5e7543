using Hl7.Fhir.Model;

namespace Identity.Issuer.CredentialTypes;

/// <summary>
/// The checks a shipped type adds after FHIR validation, chosen by the type's name (a configured type cannot take a
/// shipped name: the catalog refuses duplicates). Configured types get FHIR validation only.
/// </summary>
internal static class FhirContentRules
{
    public static ClaimsValidationResult Check(string typeName, Resource resource) => (typeName, resource) switch
    {
        (CredentialTypeNames.BiometricObservation, Observation observation) => VitalSignsRules.Check(observation),
        (CredentialTypeNames.Immunization, Immunization immunization) => ImmunizationRules.Check(immunization),
        (CredentialTypeNames.HealthInsurance, Coverage coverage) => coverage.Status == FinancialResourceStatusCodes.Active
            ? ClaimsValidationResult.Valid
            : ClaimsValidationResult.Fail(ClaimsErrorCode.InvalidFhir, "Only active coverage can be certified.", "/status"),
        _ => ClaimsValidationResult.Valid,
    };
}
