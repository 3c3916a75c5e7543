namespace Identity.Shared.Credentials;

/// <summary>How a credential is carried inside a presentation.</summary>
public enum PresentedCredentialKind
{
    /// <summary>A VC-JWT string (VCDM 1.1 <c>vp.verifiableCredential</c>), or an object whose <c>proof.jwt</c> holds one (did-jwt-vc).</summary>
    Jwt = 1,

    /// <summary>A VC-JOSE-COSE <c>EnvelopedVerifiableCredential</c>: the token is in a data: URL.</summary>
    Enveloped = 2,

    /// <summary>A credential object with no JWT: it can only be verified by an embedded proof this library does not check.</summary>
    Embedded = 3,
}
