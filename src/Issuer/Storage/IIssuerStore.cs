namespace Identity.Issuer.Storage;

/// <summary>
/// The issuer's durable state: one record per issued credential (never the claims unless configured), the
/// status-list entries handed out, each credential's status history, the audit log and the one-time nonces of
/// holder proofs. One schema for SQLite and PostgreSQL; several issuer instances may share one database.
/// </summary>
public interface IIssuerStore
{
    /// <summary>Creates or upgrades the schema (idempotent, safe when several instances start at once).</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Hands out a status-list entry drawn at random among the free ones of the current list, never handed out
    /// before (also across instances); a new list starts when the current one is full. The reservation is durable
    /// when this returns: an entry reserved for a credential that was never saved stays used.
    /// </summary>
    Task<StatusListEntry> ReserveStatusEntryAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores an issued credential and its audit record atomically; durable when the task completes.</summary>
    Task SaveIssuedAsync(IssuedCredentialRecord credential, AuditRecord audit, CancellationToken cancellationToken = default);

    /// <summary>The record of one credential, or null.</summary>
    Task<IssuedCredentialRecord?> FindCredentialAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Changes a credential's status (with its audit record) atomically; see <see cref="StatusChangeOutcome"/>.</summary>
    Task<StatusChangeOutcome> ChangeStatusAsync(string id, CredentialState newState, AuditRecord audit, CancellationToken cancellationToken = default);

    /// <summary>The bits of one status list (revocation and suspension), or null when the list does not exist.</summary>
    Task<StatusListSnapshot?> GetStatusListAsync(int listNumber, CancellationToken cancellationToken = default);

    /// <summary>Records a holder-proof nonce that <see cref="TryConsumeNonceAsync"/> accepts once, until it expires.</summary>
    Task CreateNonceAsync(string nonce, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Atomically consumes a nonce: true once for a nonce created and not expired at <paramref name="now"/>.</summary>
    Task<bool> TryConsumeNonceAsync(string nonce, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The audit records about one credential, oldest first.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(string credentialId, CancellationToken cancellationToken = default);
}
