namespace Identity.Issuer.Issuance;

/// <summary>The credential encodings the issuer produces.</summary>
public static class IssuanceFormats
{
    /// <summary>VCDM 1.1 as a VC-JWT (what did-jwt-vc creates and verifies).</summary>
    public const string Vc1Jwt = "vc1-jwt";

    /// <summary>VCDM 2.0 secured with VC-JOSE-COSE (<c>typ</c> <c>vc+jwt</c>).</summary>
    public const string Vc2Jwt = "vc2-jwt";
}
