namespace Identity.Issuer.Tests.Api;

/// <summary>The API suite on the embedded SQLite store.</summary>
public sealed class SqliteIssuerApiTests(SqliteIssuerApiHost host) : IssuerApiSuite<SqliteIssuerApiHost>(host), IClassFixture<SqliteIssuerApiHost>;
