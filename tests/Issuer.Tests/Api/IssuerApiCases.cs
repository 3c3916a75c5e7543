namespace Identity.Issuer.Tests.Api;

/// <summary>The bad issuance requests of <see cref="IssuerApiSuite{THost}"/>, each with the code it must be answered with.</summary>
public static class IssuerApiCases
{
    public static TheoryData<string, string> BadRequests => new()
    {
        { "unknown type", "unknown_type" },
        { "claims failing the schema", "schema_violation" },
        { "invalid FHIR", "invalid_fhir" },
        { "malformed DID", "invalid_subject_did" },
        { "unknown format", "unsupported_format" },
        { "unknown algorithm", "unsupported_algorithm" },
        { "validity reversed", "invalid_validity" },
        { "validity without zone", "invalid_validity" },
        { "unknown member", "malformed_request" },
        { "claims not an object", "malformed_request" },
        { "no holder proof", "holder_proof_required" },
        { "holder proof not a JWT", "holder_proof_malformed" },
        { "holder proof signed by another key", "holder_proof_invalid_signature" },
        { "holder proof by another DID", "holder_proof_subject_mismatch" },
        { "holder proof for another audience", "holder_proof_invalid" },
        { "nonce never issued", "nonce_invalid" },
        { "evidence with biometric data", "biometric_data_not_allowed" },
    };
}
