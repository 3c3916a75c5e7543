namespace Identity.Verifier;

/// <summary>Default values of the verifiable-presentation authentication scheme.</summary>
public static class VerifiablePresentationDefaults
{
    /// <summary>The default scheme name.</summary>
    public const string AuthenticationScheme = "VerifiablePresentation";

    /// <summary>The path the challenge endpoint is usually mapped at (DESIGN.md).</summary>
    public const string ChallengePath = "/auth/challenge";
}
