using System.Security.Cryptography;

namespace Identity.Shared.Verification.Steps;

/// <summary>Audience and nonce: the presentation names this verifier and carries the nonce it issued.</summary>
internal static class AudienceNonceStep
{
    public static VerificationError? Check(IReadOnlyList<string> audience, string? nonce, string expectedAudience, string expectedNonce)
    {
        if (!audience.Contains(expectedAudience, StringComparer.Ordinal))
        {
            return new VerificationError(VerificationErrorCode.AudienceMismatch, "The presentation is not addressed to this verifier.");
        }

        // Compared in constant time: a nonce is a short-lived secret of the verifier.
        return nonce is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(nonce), System.Text.Encoding.UTF8.GetBytes(expectedNonce))
            ? null
            : new VerificationError(VerificationErrorCode.NonceMismatch, "The presentation does not carry the expected nonce.");
    }
}
