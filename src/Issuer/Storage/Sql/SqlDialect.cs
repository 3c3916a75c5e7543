namespace Identity.Issuer.Storage.Sql;

/// <summary>
/// What differs between SQLite and PostgreSQL in our SQL: a few type names and row locking. Everything else is
/// one text for both.
/// </summary>
internal sealed record SqlDialect(string Name, string BlobType, string IdentityColumn, string ForUpdate)
{
    public static SqlDialect Sqlite { get; } = new("sqlite", "BLOB", "INTEGER PRIMARY KEY", string.Empty);

    public static SqlDialect Postgres { get; } = new("postgres", "BYTEA", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", " FOR UPDATE");

    /// <summary>Replaces the type placeholders of a migration script.</summary>
    public string Expand(string sql) => sql.Replace("{blob}", BlobType, StringComparison.Ordinal).Replace("{identity}", IdentityColumn, StringComparison.Ordinal);
}
