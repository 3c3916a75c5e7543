namespace Identity.Shared.Credentials;

/// <summary>How a credential or presentation is secured as a JWT.</summary>
public enum CredentialFormat
{
    /// <summary>VCDM 1.1 §6.3.1 (did-jwt-vc, OpenID4VCI <c>jwt_vc_json</c>): JWT claims plus a <c>vc</c>/<c>vp</c> claim.</summary>
    VcJwt = 1,

    /// <summary>VCDM 2.0 secured with VC-JOSE-COSE: the payload is the document itself (<c>typ</c> <c>vc+jwt</c>/<c>vp+jwt</c>).</summary>
    VcJoseCose = 2,
}
