namespace Identity.Issuer.Storage.Sql;

/// <summary>
/// The versioned schema. A migration is never edited once shipped: a change is a new entry. Times are BIGINT
/// UTC ticks (exact round trip of <see cref="DateTimeOffset"/>); states are <see cref="CredentialState"/> values.
/// </summary>
internal static class Migrations
{
    public const string VersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER NOT NULL PRIMARY KEY,
            description TEXT NOT NULL,
            applied_at BIGINT NOT NULL
        )
        """;

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "status lists, credentials, history, audit, nonces", """
            CREATE TABLE status_lists (
                list_number INTEGER NOT NULL PRIMARY KEY,
                capacity INTEGER NOT NULL,
                used INTEGER NOT NULL,
                version BIGINT NOT NULL,
                created_at BIGINT NOT NULL
            );
            CREATE TABLE status_entries (
                list_number INTEGER NOT NULL REFERENCES status_lists (list_number),
                entry_index INTEGER NOT NULL,
                reserved_at BIGINT NOT NULL,
                PRIMARY KEY (list_number, entry_index)
            );
            CREATE TABLE credentials (
                id TEXT NOT NULL PRIMARY KEY,
                type TEXT NOT NULL,
                subject_did TEXT NOT NULL,
                format TEXT NOT NULL,
                issued_at BIGINT NOT NULL,
                expires_at BIGINT NULL,
                list_number INTEGER NOT NULL,
                entry_index INTEGER NOT NULL,
                state INTEGER NOT NULL,
                token_sha256 {blob} NOT NULL,
                claims_json TEXT NULL,
                issued_by TEXT NOT NULL,
                UNIQUE (list_number, entry_index),
                FOREIGN KEY (list_number, entry_index) REFERENCES status_entries (list_number, entry_index)
            );
            CREATE INDEX credentials_flagged ON credentials (list_number) WHERE state <> 0;
            CREATE TABLE status_history (
                id {identity},
                credential_id TEXT NOT NULL REFERENCES credentials (id),
                state INTEGER NOT NULL,
                at BIGINT NOT NULL,
                actor TEXT NOT NULL,
                reason TEXT NULL
            );
            CREATE INDEX status_history_credential ON status_history (credential_id, id);
            CREATE TABLE audit (
                id {identity},
                at BIGINT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                credential_id TEXT NOT NULL,
                detail TEXT NULL
            );
            CREATE INDEX audit_credential ON audit (credential_id, id);
            CREATE TABLE nonces (
                nonce TEXT NOT NULL PRIMARY KEY,
                expires_at BIGINT NOT NULL
            );
            CREATE INDEX nonces_expiry ON nonces (expires_at);
            """),
    ];

    /// <summary>The newest schema version this build knows.</summary>
    public static int Latest => All[^1].Version;
}

/// <summary>One schema step: its number, a description and its SQL (with <c>{blob}</c>/<c>{identity}</c> placeholders).</summary>
internal sealed record Migration(int Version, string Description, string Sql);
