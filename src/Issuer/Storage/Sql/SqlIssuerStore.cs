using System.Data.Common;
using System.Security.Cryptography;

namespace Identity.Issuer.Storage.Sql;

/// <summary>
/// The store over plain ADO.NET, one SQL text for SQLite and PostgreSQL. Saves and reservations go through one
/// group-commit writer per instance; status changes and nonces run in their own short transactions. Uniqueness of
/// status entries rests on the database's primary key, so several instances may share one database.
/// </summary>
internal abstract class SqlIssuerStore : IIssuerStore, IAsyncDisposable
{
    /// <summary>Random probes before this instance loads which indexes are taken and draws among the free ones.</summary>
    private const int RandomProbes = 4;

    /// <summary>Refused inserts (other instances racing us) before the hint is reloaded.</summary>
    private const int ConflictsBeforeReload = 32;

    private const int MaxNonceLength = 512;

    private readonly GroupCommitWriter writer;
    private readonly Dictionary<int, UsedIndexHint> hints = [];
    private (int Number, int Capacity)? currentList;
    private long lastNoncePurgeTicks;

    protected SqlIssuerStore(IssuerStorageOptions options, TimeProvider timeProvider, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        Options = options;
        Time = timeProvider;
        Dialect = dialect;
        writer = new GroupCommitWriter(options.MaxBatchSize, options.MaxQueuedWrites, CommitBatchAsync, ForgetCachedState);
    }

    protected IssuerStorageOptions Options { get; }

    protected TimeProvider Time { get; }

    protected SqlDialect Dialect { get; }

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await PrepareDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // The lock serialises instances that start together: the second finds the schema up to date.
                await LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, Migrations.VersionTable, cancellationToken).ConfigureAwait(false);
                var current = await ScalarAsync<long?>(connection, transaction, "SELECT MAX(version) FROM schema_version", cancellationToken).ConfigureAwait(false) ?? 0;
                if (current > Migrations.Latest)
                {
                    throw new InvalidOperationException($"The database schema is version {current}, newer than this issuer's {Migrations.Latest}: upgrade the issuer.");
                }

                foreach (var migration in Migrations.All.Where(m => m.Version > current))
                {
                    await ExecuteAsync(connection, transaction, Dialect.Expand(migration.Sql), cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, transaction, "INSERT INTO schema_version (version, description, applied_at) VALUES (@v, @d, @t)", cancellationToken, ("v", migration.Version), ("d", migration.Description), ("t", NowTicks)).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The schema version of the database (0 before <see cref="MigrateAsync"/>).</summary>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await ExecuteAsync(connection, null, Migrations.VersionTable, cancellationToken).ConfigureAwait(false);
            return (int)(await ScalarAsync<long?>(connection, null, "SELECT MAX(version) FROM schema_version", cancellationToken).ConfigureAwait(false) ?? 0);
        }
    }

    /// <inheritdoc />
    public Task<StatusListEntry> ReserveStatusEntryAsync(CancellationToken cancellationToken = default) =>
        writer.RunAsync(new WriteItem<StatusListEntry>(ReserveInTransactionAsync, cancellationToken));

    /// <inheritdoc />
    public Task SaveIssuedAsync(IssuedCredentialRecord credential, AuditRecord audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(audit);
        if (!string.Equals(audit.CredentialId, credential.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException("The audit record must be about the credential being saved.", nameof(audit));
        }

        if (credential.TokenSha256 is not { Length: 32 })
        {
            throw new ArgumentException("TokenSha256 must hold the 32-byte SHA-256 of the token.", nameof(credential));
        }

        var toSave = Options.KeepClaims ? credential : credential with { ClaimsJson = null };
        return writer.RunAsync(new WriteItem<bool>((c, t) => SaveInTransactionAsync(c, t, toSave, audit), cancellationToken));
    }

    /// <inheritdoc />
    public async Task<IssuedCredentialRecord?> FindCredentialAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            IssuedCredentialRecord? record = null;
            var command = Command(connection, null, "SELECT id, type, subject_did, format, issued_at, expires_at, list_number, entry_index, state, token_sha256, claims_json, issued_by FROM credentials WHERE id = @id", ("id", id));
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        record = new IssuedCredentialRecord
                        {
                            Id = reader.GetString(0),
                            Type = reader.GetString(1),
                            SubjectDid = reader.GetString(2),
                            Format = reader.GetString(3),
                            IssuedAt = FromTicks(reader.GetInt64(4)),
                            ExpiresAt = reader.IsDBNull(5) ? null : FromTicks(reader.GetInt64(5)),
                            Status = new StatusListEntry(reader.GetInt32(6), reader.GetInt32(7)),
                            State = (CredentialState)reader.GetInt32(8),
                            TokenSha256 = (byte[])reader.GetValue(9),
                            ClaimsJson = reader.IsDBNull(10) ? null : reader.GetString(10),
                            IssuedBy = reader.GetString(11),
                        };
                    }
                }
            }

            if (record is null)
            {
                return null;
            }

            var history = new List<StatusHistoryEntry>();
            var historyCommand = Command(connection, null, "SELECT state, at, actor, reason FROM status_history WHERE credential_id = @id ORDER BY id", ("id", id));
            await using (historyCommand.ConfigureAwait(false))
            {
                var reader = await historyCommand.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        history.Add(new StatusHistoryEntry((CredentialState)reader.GetInt32(0), FromTicks(reader.GetInt64(1)), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
                    }
                }
            }

            return record with { History = history.AsReadOnly() };
        }
    }

    /// <inheritdoc />
    public async Task<StatusChangeOutcome> ChangeStatusAsync(string id, CredentialState newState, AuditRecord audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(audit);
        if (!Enum.IsDefined(newState))
        {
            throw new ArgumentOutOfRangeException(nameof(newState), newState, "Not a credential state.");
        }

        if (!string.Equals(audit.CredentialId, id, StringComparison.Ordinal))
        {
            throw new ArgumentException("The audit record must be about the credential whose status changes.", nameof(audit));
        }

        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                CredentialState current;
                int listNumber;
                var select = Command(connection, transaction, "SELECT state, list_number FROM credentials WHERE id = @id" + Dialect.ForUpdate, ("id", id));
                await using (select.ConfigureAwait(false))
                {
                    var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            return StatusChangeOutcome.NotFound;
                        }

                        current = (CredentialState)reader.GetInt32(0);
                        listNumber = reader.GetInt32(1);
                    }
                }

                var outcome = StatusTransitions.Check(current, newState);
                if (outcome != StatusChangeOutcome.Changed)
                {
                    return outcome;
                }

                await ExecuteAsync(connection, transaction, "UPDATE credentials SET state = @s WHERE id = @id", cancellationToken, ("s", (int)newState), ("id", id)).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, "INSERT INTO status_history (credential_id, state, at, actor, reason) VALUES (@id, @s, @at, @actor, @reason)", cancellationToken, ("id", id), ("s", (int)newState), ("at", audit.At.UtcTicks), ("actor", audit.Actor), ("reason", audit.Detail)).ConfigureAwait(false);
                await InsertAuditAsync(connection, transaction, audit, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, "UPDATE status_lists SET version = version + 1 WHERE list_number = @n", cancellationToken, ("n", listNumber)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return StatusChangeOutcome.Changed;
            }
        }
    }

    /// <inheritdoc />
    public async Task<StatusListSnapshot?> GetStatusListAsync(int listNumber, CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One transaction so that the version and the bits are read from the same state (a snapshot on both engines).
            var transaction = await BeginReadTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                int capacity;
                long version;
                var head = Command(connection, transaction, "SELECT capacity, version FROM status_lists WHERE list_number = @n", ("n", listNumber));
                await using (head.ConfigureAwait(false))
                {
                    var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            return null;
                        }

                        capacity = reader.GetInt32(0);
                        version = reader.GetInt64(1);
                    }
                }

                var revoked = new byte[capacity / 8];
                var suspended = new byte[capacity / 8];
                var flagged = Command(connection, transaction, "SELECT entry_index, state FROM credentials WHERE list_number = @n AND state <> 0", ("n", listNumber));
                await using (flagged.ConfigureAwait(false))
                {
                    var reader = await flagged.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            var index = reader.GetInt32(0);
                            var bits = (CredentialState)reader.GetInt32(1) == CredentialState.Revoked ? revoked : suspended;

                            // Bitstring Status List order: index 0 is the most significant bit of byte 0.
                            bits[index >> 3] |= (byte)(0x80 >> (index & 7));
                        }
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new StatusListSnapshot(listNumber, capacity, revoked, suspended, version);
            }
        }
    }

    /// <inheritdoc />
    public async Task CreateNonceAsync(string nonce, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        CheckNonce(nonce);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var now = NowTicks;
            var last = Interlocked.Read(ref lastNoncePurgeTicks);
            if (now - last >= Options.NoncePurgeInterval.Ticks && Interlocked.CompareExchange(ref lastNoncePurgeTicks, now, last) == last)
            {
                await ExecuteAsync(connection, null, "DELETE FROM nonces WHERE expires_at <= @now", cancellationToken, ("now", now)).ConfigureAwait(false);
            }

            var inserted = await ExecuteAsync(connection, null, "INSERT INTO nonces (nonce, expires_at) VALUES (@n, @e) ON CONFLICT DO NOTHING", cancellationToken, ("n", nonce), ("e", expiresAt.UtcTicks)).ConfigureAwait(false);
            if (inserted != 1)
            {
                throw new InvalidOperationException("That nonce already exists: nonces must be fresh random values.");
            }
        }
    }

    /// <inheritdoc />
    public async Task<bool> TryConsumeNonceAsync(string nonce, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(nonce) || nonce.Length > MaxNonceLength)
        {
            return false;
        }

        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One statement: of two racing consumers, exactly one deletes the row.
            var deleted = await ExecuteAsync(connection, null, "DELETE FROM nonces WHERE nonce = @n AND expires_at > @now", cancellationToken, ("n", nonce), ("now", now.UtcTicks)).ConfigureAwait(false);
            return deleted == 1;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(string credentialId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentialId);
        var records = new List<AuditRecord>();
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = Command(connection, null, "SELECT at, actor, action, credential_id, detail FROM audit WHERE credential_id = @id ORDER BY id", ("id", credentialId));
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        records.Add(new AuditRecord(FromTicks(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
                    }
                }
            }
        }

        return records.AsReadOnly();
    }

    /// <summary>Commits the queued writes and releases the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        await writer.DisposeAsync().ConfigureAwait(false);
        await DisposeCoreAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Names the provider only (connection strings may hold passwords).</summary>
    public override string ToString() => $"{Dialect.Name} issuer store";

    /// <summary>Opens a connection with the settings every connection of this store needs.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that takes the write lock at once (so that it never has to upgrade a read lock).</summary>
    protected abstract Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Begins a read-only snapshot transaction that takes no write lock.</summary>
    protected abstract Task<DbTransaction> BeginReadTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Work before the migration transaction (SQLite: the journal mode, which cannot change inside one).</summary>
    protected virtual Task PrepareDatabaseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Serialises migrations of several instances (beyond the write lock of the transaction).</summary>
    protected virtual Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>True when the exception is a unique, primary or foreign key violation.</summary>
    protected abstract bool IsConstraintViolation(DbException exception);

    protected abstract ValueTask DisposeCoreAsync();

    protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // Our own SQL texts; every value travels as a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    protected static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = Command(connection, transaction, sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<T?> ScalarAsync<T>(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = Command(connection, transaction, sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (value is null or DBNull)
            {
                return default;
            }

            var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
            return (T)Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    private static void CheckNonce(string nonce)
    {
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        if (nonce.Length > MaxNonceLength)
        {
            throw new ArgumentException($"A nonce has at most {MaxNonceLength} characters.", nameof(nonce));
        }
    }

    private long NowTicks => Time.GetUtcNow().UtcTicks;

    private async Task CommitBatchAsync(IReadOnlyList<WriteItem> items)
    {
        var connection = await OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await BeginWriteTransactionAsync(connection, CancellationToken.None).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                foreach (var item in items)
                {
                    await item.ExecuteAsync(connection, transaction).ConfigureAwait(false);
                }

                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>After a rollback the cached list and hints may describe rows that were never committed.</summary>
    private void ForgetCachedState()
    {
        currentList = null;
        hints.Clear();
    }

    private async Task<bool> SaveInTransactionAsync(DbConnection connection, DbTransaction transaction, IssuedCredentialRecord credential, AuditRecord audit)
    {
        try
        {
            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO credentials (id, type, subject_did, format, issued_at, expires_at, list_number, entry_index, state, token_sha256, claims_json, issued_by) VALUES (@id, @type, @subject, @format, @issued, @expires, @list, @entry, @state, @hash, @claims, @by)",
                CancellationToken.None,
                ("id", credential.Id),
                ("type", credential.Type),
                ("subject", credential.SubjectDid),
                ("format", credential.Format),
                ("issued", credential.IssuedAt.UtcTicks),
                ("expires", credential.ExpiresAt?.UtcTicks),
                ("list", credential.Status.ListNumber),
                ("entry", credential.Status.Index),
                ("state", (int)credential.State),
                ("hash", credential.TokenSha256),
                ("claims", credential.ClaimsJson),
                ("by", credential.IssuedBy)).ConfigureAwait(false);
        }
        catch (DbException e) when (IsConstraintViolation(e))
        {
            throw new InvalidOperationException($"The credential was not stored: its id is already used, or its status entry ({credential.Status.ListNumber}, {credential.Status.Index}) was not reserved or is already taken.", e);
        }

        await InsertAuditAsync(connection, transaction, audit, CancellationToken.None).ConfigureAwait(false);
        return true;
    }

    private static Task<int> InsertAuditAsync(DbConnection connection, DbTransaction transaction, AuditRecord audit, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "INSERT INTO audit (at, actor, action, credential_id, detail) VALUES (@at, @actor, @action, @id, @detail)", cancellationToken, ("at", audit.At.UtcTicks), ("actor", audit.Actor), ("action", audit.Action), ("id", audit.CredentialId), ("detail", audit.Detail));

    /// <summary>Runs on the writer only (one at a time), inside the batch's transaction.</summary>
    private async Task<StatusListEntry> ReserveInTransactionAsync(DbConnection connection, DbTransaction transaction)
    {
        var list = currentList ?? await LoadCurrentListAsync(connection, transaction).ConfigureAwait(false);
        while (true)
        {
            // Counting first takes the list row's lock before any entry row, in every instance: no lock cycles.
            var claimed = await ExecuteAsync(connection, transaction, "UPDATE status_lists SET used = used + 1 WHERE list_number = @n AND used < capacity", CancellationToken.None, ("n", list.Number)).ConfigureAwait(false);
            if (claimed == 1)
            {
                currentList = list;
                var index = await InsertFreeEntryAsync(connection, transaction, list.Number, list.Capacity).ConfigureAwait(false);
                return new StatusListEntry(list.Number, index);
            }

            hints.Remove(list.Number);
            list = await StartListAsync(connection, transaction, list.Number + 1).ConfigureAwait(false);
        }
    }

    private async Task<(int Number, int Capacity)> LoadCurrentListAsync(DbConnection connection, DbTransaction transaction)
    {
        var command = Command(connection, transaction, "SELECT list_number, capacity FROM status_lists ORDER BY list_number DESC LIMIT 1");
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (await reader.ReadAsync().ConfigureAwait(false))
                {
                    return (reader.GetInt32(0), reader.GetInt32(1));
                }
            }
        }

        return await StartListAsync(connection, transaction, 1).ConfigureAwait(false);
    }

    /// <summary>Creates list <paramref name="number"/> unless another instance did, and returns it.</summary>
    private async Task<(int Number, int Capacity)> StartListAsync(DbConnection connection, DbTransaction transaction, int number)
    {
        await ExecuteAsync(connection, transaction, "INSERT INTO status_lists (list_number, capacity, used, version, created_at) VALUES (@n, @c, 0, 0, @t) ON CONFLICT DO NOTHING", CancellationToken.None, ("n", number), ("c", Options.StatusListCapacity), ("t", NowTicks)).ConfigureAwait(false);
        var capacity = await ScalarAsync<long>(connection, transaction, "SELECT capacity FROM status_lists WHERE list_number = @n", CancellationToken.None, ("n", number)).ConfigureAwait(false);
        return (number, (int)capacity);
    }

    private async Task<int> InsertFreeEntryAsync(DbConnection connection, DbTransaction transaction, int listNumber, int capacity)
    {
        hints.TryGetValue(listNumber, out var hint);
        var conflicts = 0;
        for (var attempt = 0; ; attempt++)
        {
            int index;
            if (hint is null && attempt < RandomProbes)
            {
                index = RandomNumberGenerator.GetInt32(capacity);
            }
            else
            {
                // Probes keep colliding: the list is dense, so draw among the free indexes instead.
                if (hint is null || hint.FreeCount == 0 || conflicts >= ConflictsBeforeReload)
                {
                    hint = await LoadUsedIndexesAsync(connection, transaction, listNumber, capacity).ConfigureAwait(false);
                    hints[listNumber] = hint;
                    conflicts = 0;
                }

                index = hint.PickFree();
                if (index < 0)
                {
                    throw new InvalidOperationException($"Status list {listNumber} counts a free entry but has none: the database is inconsistent.");
                }
            }

            var inserted = await ExecuteAsync(connection, transaction, "INSERT INTO status_entries (list_number, entry_index, reserved_at) VALUES (@n, @i, @t) ON CONFLICT DO NOTHING", CancellationToken.None, ("n", listNumber), ("i", index), ("t", NowTicks)).ConfigureAwait(false);
            hint?.MarkUsed(index);
            if (inserted == 1)
            {
                return index;
            }

            conflicts++;
        }
    }

    private static async Task<UsedIndexHint> LoadUsedIndexesAsync(DbConnection connection, DbTransaction transaction, int listNumber, int capacity)
    {
        var used = new List<int>();
        var command = Command(connection, transaction, "SELECT entry_index FROM status_entries WHERE list_number = @n", ("n", listNumber));
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    used.Add(reader.GetInt32(0));
                }
            }
        }

        return new UsedIndexHint(capacity, used);
    }
}
