using Identity.Issuer.Storage;
using Identity.Issuer.Storage.Sql;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Identity.Issuer.Tests.Storage;

/// <summary>The store contract on SQLite files in a temp folder, plus what only SQLite has (journal mode).</summary>
public sealed class SqliteIssuerStoreTests(ITestOutputHelper output) : IssuerStoreContractTests(output), IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("issuer-sqlite-");

    [Fact]
    public async Task MigrateAsync_NewFolder_CreatesWalDatabase()
    {
        var options = new IssuerStorageOptions { DataDirectory = Path.Combine(folder.FullName, "nested", "data") };
        var store = Open(options);

        await store.MigrateAsync();

        var path = Path.Combine(options.DataDirectory, SqliteIssuerStore.FileName);
        Assert.True(File.Exists(path));
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = new SqliteCommand("PRAGMA journal_mode", connection);
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    private protected override Task<IssuerStorageOptions> NewDatabaseAsync() =>
        Task.FromResult(new IssuerStorageOptions { DataDirectory = folder.CreateSubdirectory(Guid.NewGuid().ToString("N")).FullName });

    private protected override SqlIssuerStore CreateStore(IssuerStorageOptions options, TimeProvider time) => new SqliteIssuerStore(options, time);
}
