using Identity.Issuer.Storage;
using Identity.Issuer.Storage.Sql;
using Identity.Issuer.Tests.Support;
using Xunit.Abstractions;

namespace Identity.Issuer.Tests.Storage;

/// <summary>The store contract on a real PostgreSQL server, a fresh database per test.</summary>
[Collection(PostgresServer.Collection)]
public sealed class PostgresIssuerStoreTests(PostgresServer server, ITestOutputHelper output) : IssuerStoreContractTests(output)
{
    private protected override async Task<IssuerStorageOptions> NewDatabaseAsync() =>
        new() { Provider = IssuerStorageOptions.Postgres, ConnectionString = await server.CreateDatabaseAsync() };

    private protected override SqlIssuerStore CreateStore(IssuerStorageOptions options, TimeProvider time) => new PostgresIssuerStore(options, time);
}
