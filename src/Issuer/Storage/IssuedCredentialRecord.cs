namespace Identity.Issuer.Storage;

/// <summary>What the issuer keeps of one issued credential: metadata and a hash, not the health data.</summary>
public sealed record IssuedCredentialRecord
{
    /// <summary>The credential's id (a URN or URL; the JWT <c>jti</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The credential type, e.g. <c>PatientIdentityCredential</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The subject's DID.</summary>
    public required string SubjectDid { get; init; }

    /// <summary><c>vc1-jwt</c> or <c>vc2-jwt</c>.</summary>
    public required string Format { get; init; }

    /// <summary>When it was issued.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>When it expires, if it does.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Its entry in the status lists (the same index in the revocation and the suspension list).</summary>
    public required StatusListEntry Status { get; init; }

    /// <summary>Its current status.</summary>
    public CredentialState State { get; init; } = CredentialState.Active;

    /// <summary>SHA-256 of the issued token's ASCII bytes.</summary>
    public required byte[] TokenSha256 { get; init; }

    /// <summary>The claims as JSON, only when the issuer is configured to keep them; otherwise null.</summary>
    public string? ClaimsJson { get; init; }

    /// <summary>Who asked for it (a staff principal name, never a patient identifier).</summary>
    public required string IssuedBy { get; init; }

    /// <summary>Status changes, oldest first (filled by reads; ignored by <see cref="IIssuerStore.SaveIssuedAsync"/>).</summary>
    public IReadOnlyList<StatusHistoryEntry> History { get; init; } = [];
}
