namespace Identity.Issuer.Tests.Support;

/// <summary>Shares one <see cref="PostgresServer"/> among the test classes of <see cref="PostgresServer.Collection"/>.</summary>
[CollectionDefinition(PostgresServer.Collection)]
public sealed class PostgresServerDefinition : ICollectionFixture<PostgresServer>;
