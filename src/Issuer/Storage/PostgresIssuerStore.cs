using System.Data.Common;
using Identity.Issuer.Storage.Sql;
using Npgsql;

namespace Identity.Issuer.Storage;

/// <summary>
/// The shared store on PostgreSQL, for several issuer instances. Commits are durable under the server's default
/// <c>synchronous_commit = on</c>; migrations of instances that start together are serialised by an advisory lock.
/// </summary>
internal sealed class PostgresIssuerStore : SqlIssuerStore
{
    /// <summary>The advisory lock key of schema migrations ("issuer" in ASCII).</summary>
    private const long MigrationLockKey = 0x697373756572;

    private readonly NpgsqlDataSource dataSource;

    public PostgresIssuerStore(IssuerStorageOptions options, TimeProvider timeProvider)
        : base(options, timeProvider, SqlDialect.Postgres)
    {
        dataSource = NpgsqlDataSource.Create(options.ConnectionString!);
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override async Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    protected override async Task<DbTransaction> BeginReadTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    protected override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@k)", cancellationToken, ("k", MigrationLockKey)).ConfigureAwait(false);

    protected override bool IsConstraintViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation };

    protected override ValueTask DisposeCoreAsync() => dataSource.DisposeAsync();
}
