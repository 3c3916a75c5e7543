using Identity.TestSupport.Chain;

namespace Identity.Verifier.Tests;

/// <summary>The chain tests of this assembly share one anvil.</summary>
[CollectionDefinition(AnvilFixture.Collection)]
public sealed class AnvilChainDefinition : ICollectionFixture<AnvilFixture>;
