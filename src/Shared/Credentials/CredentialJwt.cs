using System.Diagnostics.CodeAnalysis;
using Identity.Shared.Jose;
using Identity.Shared.Verification;

namespace Identity.Shared.Credentials;

/// <summary>
/// Decodes a secured credential or presentation whatever its JWT encoding: a <c>vc</c>/<c>vp</c> claim means the
/// VCDM 1.1 encoding (<see cref="VcJwt"/>), its absence VC-JOSE-COSE (<see cref="VcJoseCose"/>). The JWS is parsed once.
/// </summary>
public static class CredentialJwt
{
    /// <summary>Decodes a credential token. Never throws on bad input; the error names the rule broken.</summary>
    public static bool TryDecodeCredential(string? token, JwsParseOptions? options, [NotNullWhen(true)] out DecodedCredential? decoded, [NotNullWhen(false)] out VerificationError? error)
    {
        decoded = null;
        if (!JwsCompact.TryParse(token, options, out var jws, out error))
        {
            return false;
        }

        return jws.Payload!.Value.TryGetProperty("vc", out _)
            ? VcJwt.TryDecodeCredentialCore(token!, jws, out decoded, out error)
            : VcJoseCose.TryDecodeCredentialCore(token!, jws, out decoded, out error);
    }

    /// <summary>Decodes with the default JWS limits.</summary>
    public static bool TryDecodeCredential(string? token, [NotNullWhen(true)] out DecodedCredential? decoded, [NotNullWhen(false)] out VerificationError? error) =>
        TryDecodeCredential(token, null, out decoded, out error);

    /// <summary>Decodes a presentation token. Never throws on bad input; the error names the rule broken.</summary>
    public static bool TryDecodePresentation(string? token, JwsParseOptions? options, [NotNullWhen(true)] out DecodedPresentation? decoded, [NotNullWhen(false)] out VerificationError? error)
    {
        decoded = null;
        if (!JwsCompact.TryParse(token, options, out var jws, out error))
        {
            return false;
        }

        return jws.Payload!.Value.TryGetProperty("vp", out _)
            ? VcJwt.TryDecodePresentationCore(token!, jws, out decoded, out error)
            : VcJoseCose.TryDecodePresentationCore(token!, jws, out decoded, out error);
    }

    /// <summary>Decodes with the default JWS limits.</summary>
    public static bool TryDecodePresentation(string? token, [NotNullWhen(true)] out DecodedPresentation? decoded, [NotNullWhen(false)] out VerificationError? error) =>
        TryDecodePresentation(token, null, out decoded, out error);
}
