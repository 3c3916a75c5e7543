namespace Identity.Issuer.Storage;

/// <summary>The result of <see cref="IIssuerStore.ChangeStatusAsync"/>.</summary>
public enum StatusChangeOutcome
{
    /// <summary>The status changed and the change was recorded.</summary>
    Changed,

    /// <summary>No credential has that id.</summary>
    NotFound,

    /// <summary>The credential already has that status; nothing was recorded.</summary>
    Unchanged,

    /// <summary>The change is not allowed: a revoked credential stays revoked.</summary>
    NotAllowed,
}
