using System.Diagnostics;
using System.Globalization;
using Identity.Issuer.Storage;
using Identity.Issuer.Tests.Support;

namespace Identity.Issuer.Tests.Storage;

/// <summary>
/// Crash safety: a child process saving in a loop is killed with SIGKILL; every save it acknowledged is in the
/// database afterwards, and no status entry is handed out twice, then or after a restart.
/// </summary>
public abstract class StoreCrashTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task SaveIssuedAsync_ProcessKilledMidStream_EveryAcknowledgedSaveKept()
    {
        var options = await NewDatabaseAsync();
        options.StatusListCapacity = 1024;
        await using (var setup = StoreCrashChild.Open(options, TimeProvider.System))
        {
            await setup.MigrateAsync();
        }

        var acknowledged = await RunChildUntilKilledAsync(options, acknowledgements: 1500);

        Assert.True(acknowledged.Count >= 1500, $"only {acknowledged.Count} acknowledgements");
        Assert.Equal(acknowledged.Count, acknowledged.Select(a => a.Entry).Distinct().Count());
        await using var store = StoreCrashChild.Open(options, TimeProvider.System);
        foreach (var (id, entry) in acknowledged)
        {
            var found = await store.FindCredentialAsync(id);
            Assert.True(found is not null, $"acknowledged {id} is missing after the kill");
            Assert.Equal(entry, found.Status);
        }

        // After the restart, new reservations never hit an entry handed out before the crash.
        var taken = acknowledged.Select(a => a.Entry).ToHashSet();
        var fresh = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => store.ReserveStatusEntryAsync()));
        Assert.Equal(1000, fresh.Distinct().Count());
        Assert.DoesNotContain(fresh, taken.Contains);
        await CheckIntegrityAsync(options);
    }

    private protected abstract Task<IssuerStorageOptions> NewDatabaseAsync();

    private protected virtual Task CheckIntegrityAsync(IssuerStorageOptions options) => Task.CompletedTask;

    private static async Task<List<(string Id, StatusListEntry Entry)>> RunChildUntilKilledAsync(IssuerStorageOptions options, int acknowledgements)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(StoreCrashChild).Assembly.Location);
        start.Environment[StoreCrashChild.Variable] = StoreCrashChild.Request(options);

        using var child = Process.Start(start) ?? throw new InvalidOperationException("The child did not start.");
        var errors = child.StandardError.ReadToEndAsync();
        var acknowledged = new List<(string, StatusListEntry)>();
        var watch = Stopwatch.StartNew();
        try
        {
            while (acknowledged.Count < acknowledgements)
            {
                using var timeout = new CancellationTokenSource(Patience - watch.Elapsed);
                var line = await child.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"The child ended early: {await errors}");
                Record(line, acknowledged);
            }
        }
        finally
        {
            // Process.Kill is SIGKILL on Unix: no finally blocks, no flush, no disposal in the child.
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        // Lines the child wrote before it died are still in the pipe.
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            Record(line, acknowledged);
        }

        return acknowledged;
    }

    private static void Record(string line, List<(string, StatusListEntry)> acknowledged)
    {
        var parts = line.Split(' ');
        if (parts is ["ACK", var id, var list, var index]
            && int.TryParse(list, CultureInfo.InvariantCulture, out var listNumber)
            && int.TryParse(index, CultureInfo.InvariantCulture, out var entryIndex))
        {
            acknowledged.Add((id, new StatusListEntry(listNumber, entryIndex)));
        }
    }
}

/// <summary>The crash test on a SQLite file (WAL, synchronous=FULL).</summary>
public sealed class SqliteStoreCrashTests : StoreCrashTests, IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("issuer-crash-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    private protected override Task<IssuerStorageOptions> NewDatabaseAsync() =>
        Task.FromResult(new IssuerStorageOptions { DataDirectory = folder.FullName });

    private protected override async Task CheckIntegrityAsync(IssuerStorageOptions options)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder.FullName, SqliteIssuerStore.FileName)};Pooling=False");
        await connection.OpenAsync();
        await using var command = new Microsoft.Data.Sqlite.SqliteCommand("PRAGMA integrity_check", connection);
        Assert.Equal("ok", (string?)await command.ExecuteScalarAsync());
    }
}

/// <summary>The crash test on PostgreSQL (the client process dies; the server keeps what it committed).</summary>
[Collection(PostgresServer.Collection)]
public sealed class PostgresStoreCrashTests(PostgresServer server) : StoreCrashTests
{
    private protected override async Task<IssuerStorageOptions> NewDatabaseAsync() =>
        new() { Provider = IssuerStorageOptions.Postgres, ConnectionString = await server.CreateDatabaseAsync() };
}
