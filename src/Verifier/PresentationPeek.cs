using System.Diagnostics.CodeAnalysis;
using Identity.Shared.Credentials;
using Identity.Shared.Jose;
using Identity.Shared.Verification;

namespace Identity.Verifier;

/// <summary>
/// Reads a presentation's structure without believing it (the engine verifies it afterwards): the handler needs the
/// nonce before the signature work, and the credentials' validity windows after it.
/// </summary>
internal static class PresentationPeek
{
    public static bool TryDecode(string token, JwsParseOptions options, [NotNullWhen(true)] out DecodedPresentation? presentation, [NotNullWhen(false)] out VerificationError? error)
    {
        // The engine's own rule: the JWS typ picks the encoding (vp+jwt: VC-JOSE-COSE; anything else: VC-JWT).
        if (!JwsCompact.TryParse(token, options, out var jws, out error))
        {
            presentation = null;
            return false;
        }

        return jws.Header.Type is { } typ && (typ.Equals(VcJoseCose.PresentationType, StringComparison.OrdinalIgnoreCase) || typ.Equals("application/" + VcJoseCose.PresentationType, StringComparison.OrdinalIgnoreCase))
            ? VcJoseCose.TryDecodePresentation(token, options, out presentation, out error)
            : VcJwt.TryDecodePresentation(token, options, out presentation, out error);
    }

    public static DecodedCredential? DecodeCredential(string token, JwsParseOptions options) =>
        VcJwt.TryDecodeCredential(token, options, out var credential, out _) || VcJoseCose.TryDecodeCredential(token, options, out credential, out _)
            ? credential
            : null;
}
