namespace Identity.Issuer.Storage;

/// <summary>Which status changes are allowed: suspension is reversible, revocation is final.</summary>
internal static class StatusTransitions
{
    /// <summary><see cref="StatusChangeOutcome.Changed"/> when <paramref name="current"/> may become <paramref name="next"/>.</summary>
    public static StatusChangeOutcome Check(CredentialState current, CredentialState next) =>
        current == next ? StatusChangeOutcome.Unchanged
        : current == CredentialState.Revoked ? StatusChangeOutcome.NotAllowed
        : StatusChangeOutcome.Changed;
}
