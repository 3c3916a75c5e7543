namespace Identity.Issuer.Tests.Api;

/// <summary>The service on its embedded SQLite store, in a temporary directory removed afterwards.</summary>
public sealed class SqliteIssuerApiHost : IssuerApiHost
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "issuer-api-" + Guid.NewGuid().ToString("N"));

    protected override Task<IReadOnlyDictionary<string, string?>> StoreSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["Issuer:Storage:Provider"] = "sqlite",
            ["Issuer:Storage:DataDirectory"] = directory,
        });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
