namespace Identity.Verifier.Claims;

/// <summary>
/// The claim types the handler adds beside the standard ones (the holder DID is <c>ClaimTypes.NameIdentifier</c>).
/// </summary>
public static class VerifiablePresentationClaimTypes
{
    /// <summary>One claim per verified credential: its JSON (<see cref="VerifiedCredential.ToJson"/>), read back with <c>GetVerifiedCredentials()</c>.</summary>
    public const string Credential = "urn:identity:vp:credential";

    /// <summary>One claim per type of each verified credential (e.g. <c>HealthInsuranceCredential</c>).</summary>
    public const string CredentialType = "urn:identity:vp:credential_type";

    /// <summary>One claim per distinct issuer DID of the verified credentials.</summary>
    public const string CredentialIssuer = "urn:identity:vp:credential_issuer";

    /// <summary>The value type of <see cref="Credential"/> claims (as System.IdentityModel's JsonClaimValueTypes.Json).</summary>
    public const string JsonValueType = "JSON";
}
