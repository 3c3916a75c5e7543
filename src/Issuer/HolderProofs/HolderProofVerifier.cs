using Identity.Issuer.Api;
using Identity.Issuer.Issuance;
using Identity.Issuer.Storage;
using Identity.Shared.Credentials;
using Identity.Shared.Verification;
using Microsoft.Extensions.Options;

namespace Identity.Issuer.HolderProofs;

/// <summary>
/// Checks a holder proof: a presentation with no credentials, signed by an authentication key of the subject's
/// DID, addressed to this issuer, over a nonce this issuer handed out. The engine does the cryptography and the
/// audience/nonce comparison; the nonce is consumed last, atomically in the store, so a proof counts once.
/// </summary>
internal sealed class HolderProofVerifier(PresentationVerifier verifier, IIssuerStore store, IOptions<IssuerOptions> options, TimeProvider time)
{
    public async Task<IssuerError?> VerifyAsync(string proof, string subjectDid, CancellationToken cancellationToken)
    {
        // The nonce is read from the unverified token only to learn which one to check and consume: the engine
        // then verifies the signature over it before anything here trusts it.
        if (!TryReadNonce(proof, out var nonce, out var credentialCount) || credentialCount != 0)
        {
            return IssuerError.HolderProofMalformed;
        }

        var result = await verifier.VerifyAsync(proof, options.Value.EffectiveHolderProofAudience, nonce, VerificationOptions.Default, cancellationToken).ConfigureAwait(false);
        if (!result.Verified)
        {
            var code = result.Errors[0].Code;
            if (code == VerificationErrorCode.InvalidSignature || code == VerificationErrorCode.KeyNotAuthorized)
            {
                return IssuerError.HolderProofSignature;
            }

            return code == VerificationErrorCode.Malformed || code == VerificationErrorCode.UnsupportedAlgorithm || code == VerificationErrorCode.TokenTooLarge
                ? IssuerError.HolderProofMalformed
                : IssuerError.HolderProofInvalid(code.Value);
        }

        if (!string.Equals(result.Holder, subjectDid, StringComparison.Ordinal))
        {
            return IssuerError.HolderProofSubjectMismatch;
        }

        return await store.TryConsumeNonceAsync(nonce, time.GetUtcNow(), cancellationToken).ConfigureAwait(false)
            ? null
            : IssuerError.NonceInvalid;
    }

    private static bool TryReadNonce(string proof, out string nonce, out int credentialCount)
    {
        nonce = string.Empty;
        credentialCount = 0;
        if (!VcJwt.TryDecodePresentation(proof, null, out var decoded, out _) && !VcJoseCose.TryDecodePresentation(proof, null, out decoded, out _))
        {
            return false;
        }

        if (decoded.Nonce is not { Length: > 0 and <= 256 } found)
        {
            return false;
        }

        nonce = found;
        credentialCount = decoded.Presentation.Credentials.Count;
        return true;
    }
}
