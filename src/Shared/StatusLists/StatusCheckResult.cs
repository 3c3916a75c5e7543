using Identity.Shared.Verification;

namespace Identity.Shared.StatusLists;

/// <summary>The status a list gives one credential entry.</summary>
/// <param name="Purpose">The entry's purpose.</param>
/// <param name="Status">The entry's value (0 or 1 for one-bit entries).</param>
/// <param name="Message">The entry's <c>statusMessage</c> text for this value, when it has one.</param>
public sealed record StatusCheckResult(string Purpose, int Status, string? Message)
{
    /// <summary>Whether the value is non-zero (for revocation and suspension: the credential is not valid).</summary>
    public bool IsSet => Status != 0;

    /// <summary>
    /// The refusal this status means: <c>revoked</c> for a set revocation bit, <c>suspended</c> for a set suspension
    /// bit, null otherwise (refresh and message statuses inform; they do not invalidate).
    /// </summary>
    public VerificationError? ToError() => (Purpose, IsSet) switch
    {
        (StatusPurposes.Revocation, true) => new VerificationError(VerificationErrorCode.Revoked),
        (StatusPurposes.Suspension, true) => new VerificationError(VerificationErrorCode.Suspended),
        _ => null,
    };
}
