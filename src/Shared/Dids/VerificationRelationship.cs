namespace Identity.Shared.Dids;

/// <summary>The verification relationships of DID Core §5.3.</summary>
public enum VerificationRelationship
{
    /// <summary><c>authentication</c>: proving control of the DID (presentations, sign-in).</summary>
    Authentication,

    /// <summary><c>assertionMethod</c>: issuing claims (credentials).</summary>
    AssertionMethod,

    /// <summary><c>keyAgreement</c>: encryption to the subject.</summary>
    KeyAgreement,

    /// <summary><c>capabilityInvocation</c>.</summary>
    CapabilityInvocation,

    /// <summary><c>capabilityDelegation</c>.</summary>
    CapabilityDelegation,
}
