namespace Identity.Issuer.Tests.Api;

/// <summary>The same API suite on a real PostgreSQL server.</summary>
public sealed class PostgresIssuerApiTests(PostgresIssuerApiHost host) : IssuerApiSuite<PostgresIssuerApiHost>(host), IClassFixture<PostgresIssuerApiHost>;
