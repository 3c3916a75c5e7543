namespace Identity.Issuer.CredentialTypes;

/// <summary>The names of the credential types this issuer ships with (the credential's <c>type</c> after <c>VerifiableCredential</c>).</summary>
public static class CredentialTypeNames
{
    /// <summary>A FHIR R4 Patient subset: name, birth date, gender, identifiers.</summary>
    public const string PatientIdentity = "PatientIdentityCredential";

    /// <summary>A FHIR R4 Coverage.</summary>
    public const string HealthInsurance = "HealthInsuranceCredential";

    /// <summary>A FHIR R4 Immunization with a CVX vaccine code.</summary>
    public const string Immunization = "ImmunizationCredential";

    /// <summary>A FHIR R4 vital-signs Observation from remote monitoring.</summary>
    public const string BiometricObservation = "BiometricObservationCredential";
}
