namespace Identity.Verifier.Nonces;

/// <summary>What a nonce store knows about a nonce.</summary>
public enum NonceStatus
{
    /// <summary>Never issued by this verifier, or expired and forgotten.</summary>
    Unknown = 0,

    /// <summary>Issued, not expired, not used yet.</summary>
    Unused = 1,

    /// <summary>Issued and already used by a presentation (kept until it would have expired).</summary>
    Used = 2,
}
