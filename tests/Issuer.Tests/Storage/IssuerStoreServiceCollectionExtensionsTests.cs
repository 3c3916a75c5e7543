using Identity.Issuer.Storage;
using Identity.Issuer.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Identity.Issuer.Tests.Storage;

[Collection(PostgresServer.Collection)]
public sealed class IssuerStoreServiceCollectionExtensionsTests(PostgresServer server) : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("issuer-di-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task AddIssuerStore_SqliteDataDirectory_MigratedAtStartAndUsable()
    {
        using var host = Build(new() { ["Issuer:Storage:DataDirectory"] = folder.FullName, ["Issuer:Storage:StatusListCapacity"] = "1024" });

        await host.StartAsync();
        var store = host.Services.GetRequiredService<IIssuerStore>();
        var entry = await store.ReserveStatusEntryAsync();
        await host.StopAsync();

        Assert.IsType<SqliteIssuerStore>(store);
        Assert.InRange(entry.Index, 0, 1023);
        Assert.True(File.Exists(Path.Combine(folder.FullName, SqliteIssuerStore.FileName)));
    }

    [Fact]
    public async Task AddIssuerStore_Postgres_MigratedAtStartKeepsClaims()
    {
        using var host = Build(new()
        {
            ["Issuer:Storage:Provider"] = "postgres",
            ["Issuer:Storage:ConnectionString"] = await server.CreateDatabaseAsync(),
            ["Issuer:Storage:KeepClaims"] = "true",
        });

        await host.StartAsync();
        var store = host.Services.GetRequiredService<IIssuerStore>();
        var credential = StoreRecords.Credential(await store.ReserveStatusEntryAsync());
        await store.SaveIssuedAsync(credential, StoreRecords.Issued(credential));
        var found = await store.FindCredentialAsync(credential.Id);
        await host.StopAsync();

        Assert.IsType<PostgresIssuerStore>(store);
        Assert.Equal(credential.ClaimsJson, found?.ClaimsJson);
    }

    public static TheoryData<Dictionary<string, string?>, string> BadSettings => new()
    {
        { new() { ["Issuer:Storage:Provider"] = "mysql" }, "Issuer:Storage:Provider" },
        { new() { ["Issuer:Storage:Provider"] = "postgres" }, "Issuer:Storage:ConnectionString" },
        { new() { ["Issuer:Storage:StatusListCapacity"] = "1000001" }, "Issuer:Storage:StatusListCapacity" },
        { new() { ["Issuer:Storage:MaxBatchSize"] = "0" }, "Issuer:Storage:MaxBatchSize" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task AddIssuerStore_BadSettings_StartFailsNamingTheSetting(Dictionary<string, string?> settings, string named)
    {
        settings.TryAdd("Issuer:Storage:DataDirectory", folder.FullName);
        using var host = Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddIssuerStore(builder.Configuration);
        return builder.Build();
    }
}
