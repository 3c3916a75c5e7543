using Identity.Issuer.Tests.Support;

namespace Identity.Issuer.Tests.Api;

/// <summary>The service on PostgreSQL: a real server started on loopback for this run and stopped after it.</summary>
public sealed class PostgresIssuerApiHost : IssuerApiHost, IDisposable
{
    private readonly PostgresServer server = new();

    protected override async Task<IReadOnlyDictionary<string, string?>> StoreSettingsAsync()
    {
        await server.InitializeAsync();
        var connectionString = await server.CreateDatabaseAsync();
        return new Dictionary<string, string?>
        {
            ["Issuer:Storage:Provider"] = "postgres",
            ["Issuer:Storage:ConnectionString"] = connectionString,
        };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await server.DisposeAsync();
        server.Dispose();
    }

    public void Dispose() => server.Dispose();
}
