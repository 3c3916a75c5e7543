using Identity.Shared.Credentials;
using Identity.Shared.Jose;

namespace Identity.Verifier;

/// <summary>
/// Reads a presentation's structure without believing it (the engine verifies it afterwards): the handler needs the
/// nonce before the signature work, and the credentials' validity windows after it.
/// </summary>
internal static class PresentationPeek
{
    public static DecodedPresentation? Decode(string token, JwsParseOptions options) =>
        VcJwt.TryDecodePresentation(token, options, out var presentation, out _) || VcJoseCose.TryDecodePresentation(token, options, out presentation, out _)
            ? presentation
            : null;

    public static DecodedCredential? DecodeCredential(string token, JwsParseOptions options) =>
        VcJwt.TryDecodeCredential(token, options, out var credential, out _) || VcJoseCose.TryDecodeCredential(token, options, out credential, out _)
            ? credential
            : null;
}
