namespace Identity.Shared.Verification;

/// <summary>
/// Why verification failed: a stable <see cref="Code"/> and a human-readable <see cref="Message"/>. The message is
/// written by this product and never holds a value copied from the input (no claim, DID, key or token text), so it
/// can be logged and returned to a client as it is.
/// </summary>
/// <param name="Code">The stable error code.</param>
/// <param name="Message">A fixed sentence saying what is wrong, more precise than the code's description.</param>
public sealed record VerificationError(VerificationErrorCode Code, string Message)
{
    /// <summary>An error whose message is the code's fixed description.</summary>
    public VerificationError(VerificationErrorCode code)
        : this(code, code.Description)
    {
    }
}
