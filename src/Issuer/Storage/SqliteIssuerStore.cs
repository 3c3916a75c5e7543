using System.Data.Common;
using Identity.Issuer.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Identity.Issuer.Storage;

/// <summary>
/// The embedded store: one SQLite file (<c>issuer.db</c> in the data folder) in WAL mode with
/// <c>synchronous=FULL</c>, so that a commit is on disk when it returns. Several processes may open the same file;
/// a write waits up to <see cref="IssuerStorageOptions.BusyTimeout"/> for another's lock.
/// </summary>
internal sealed class SqliteIssuerStore : SqlIssuerStore
{
    /// <summary>The database file name inside <see cref="IssuerStorageOptions.DataDirectory"/>.</summary>
    public const string FileName = "issuer.db";

    private readonly string connectionString;
    private readonly string pragmas;

    public SqliteIssuerStore(IssuerStorageOptions options, TimeProvider timeProvider)
        : base(options, timeProvider, SqlDialect.Sqlite)
    {
        var builder = string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(Path.GetFullPath(options.DataDirectory), FileName) }
            : new SqliteConnectionStringBuilder(options.ConnectionString);
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.Pooling = true;
        builder.ForeignKeys = true;

        // Microsoft.Data.Sqlite retries a busy database for the command timeout; busy_timeout covers SQLite itself.
        builder.DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds);
        connectionString = builder.ToString();
        DatabasePath = builder.DataSource;
        pragmas = $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = FULL;";
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // synchronous is a per-connection setting: every pooled connection gets it on each open.
            await ExecuteAsync(connection, null, pragmas, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    protected override Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    protected override Task<DbTransaction> BeginReadTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    protected override async Task PrepareDatabaseAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // WAL is a property of the file (it persists) and cannot be switched inside a transaction.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", cancellationToken).ConfigureAwait(false);
        }
    }

    protected override bool IsConstraintViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19 };

    protected override ValueTask DisposeCoreAsync()
    {
        // Pooled connections keep the file open (and its WAL unmerged) until the pool lets them go.
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }
}
