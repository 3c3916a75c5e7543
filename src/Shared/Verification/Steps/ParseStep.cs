using System.Diagnostics.CodeAnalysis;
using Identity.Shared.Credentials;
using Identity.Shared.Jose;

namespace Identity.Shared.Verification.Steps;

/// <summary>
/// Parse: the token is a strict compact JWS, decoded by the encoding its header announces — <c>vc+jwt</c> /
/// <c>vp+jwt</c> for VC-JOSE-COSE (VCDM 2.0), anything else as a VCDM 1.1 VC-JWT (whose own rules then refuse a
/// <c>typ</c> other than <c>JWT</c>). Structure only: nothing decoded here is believed before the signature holds.
/// </summary>
internal static class ParseStep
{
    public static bool TryParseCredential(string token, JwsParseOptions options, [NotNullWhen(true)] out DecodedCredential? credential, [NotNullWhen(false)] out VerificationError? error)
    {
        credential = null;
        if (!JwsCompact.TryParse(token, options, out var jws, out error))
        {
            return false;
        }

        return IsType(jws, VcJoseCose.CredentialType)
            ? VcJoseCose.TryDecodeCredentialCore(token, jws, out credential, out error)
            : VcJwt.TryDecodeCredentialCore(token, jws, out credential, out error);
    }

    public static bool TryParsePresentation(string token, JwsParseOptions options, [NotNullWhen(true)] out DecodedPresentation? presentation, [NotNullWhen(false)] out VerificationError? error)
    {
        presentation = null;
        if (!JwsCompact.TryParse(token, options, out var jws, out error))
        {
            return false;
        }

        return IsType(jws, VcJoseCose.PresentationType)
            ? VcJoseCose.TryDecodePresentationCore(token, jws, out presentation, out error)
            : VcJwt.TryDecodePresentationCore(token, jws, out presentation, out error);
    }

    // RFC 7515 §4.1.9: "application/" may be omitted from typ, and media types compare case-insensitively.
    private static bool IsType(JwsCompact jws, string type) =>
        jws.Header.Type is { } typ &&
        (string.Equals(typ, type, StringComparison.OrdinalIgnoreCase) || string.Equals(typ, "application/" + type, StringComparison.OrdinalIgnoreCase));
}
