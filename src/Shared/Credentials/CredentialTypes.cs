namespace Identity.Shared.Credentials;

/// <summary>The <c>type</c> values the data model defines.</summary>
public static class CredentialTypes
{
    /// <summary>Every credential's type includes this.</summary>
    public const string VerifiableCredential = "VerifiableCredential";

    /// <summary>Every presentation's type includes this.</summary>
    public const string VerifiablePresentation = "VerifiablePresentation";

    /// <summary>A VC-JOSE-COSE secured credential inside a 2.0 presentation (<c>id</c> is a data: URL).</summary>
    public const string EnvelopedVerifiableCredential = "EnvelopedVerifiableCredential";

    /// <summary>A VC-JOSE-COSE secured presentation nested in another presentation.</summary>
    public const string EnvelopedVerifiablePresentation = "EnvelopedVerifiablePresentation";

    /// <summary>The proof type did-jwt-vc attaches to a normalized VC-JWT (<c>proof.jwt</c> holds the token).</summary>
    public const string JwtProof2020 = "JwtProof2020";
}
