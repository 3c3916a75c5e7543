namespace Identity.Shared.StatusLists;

/// <summary>The <c>statusPurpose</c> values Bitstring Status List v1.0 defines (others are allowed).</summary>
public static class StatusPurposes
{
    /// <summary>A set bit revokes the credential, irreversibly.</summary>
    public const string Revocation = "revocation";

    /// <summary>A set bit suspends the credential; clearing it reinstates it.</summary>
    public const string Suspension = "suspension";

    /// <summary>A set bit says a fresh credential is available from its refreshService; it does not invalidate.</summary>
    public const string Refresh = "refresh";

    /// <summary>Multi-bit values explained by the entry's <c>statusMessage</c>.</summary>
    public const string Message = "message";
}
