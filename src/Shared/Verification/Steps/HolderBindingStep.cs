namespace Identity.Shared.Verification.Steps;

/// <summary>Holder binding: the presentation's signer is its holder and the subject of every credential it presents.</summary>
internal static class HolderBindingStep
{
    public static VerificationError? Check(string holder, string presentationSigner, IReadOnlyList<string?> subjects)
    {
        if (!string.Equals(holder, presentationSigner, StringComparison.Ordinal))
        {
            return new VerificationError(VerificationErrorCode.HolderMismatch, "The presentation's holder is not its signer.");
        }

        return subjects.All(subject => string.Equals(subject, holder, StringComparison.Ordinal))
            ? null
            : new VerificationError(VerificationErrorCode.HolderMismatch, "The presentation's holder is not the subject of every credential.");
    }
}
