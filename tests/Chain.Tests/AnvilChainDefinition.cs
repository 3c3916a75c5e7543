using Identity.TestSupport.Chain;

namespace Identity.Chain.Tests;

/// <summary>All chain tests share one anvil and run one after another (they change chain state and restart the node).</summary>
[CollectionDefinition(AnvilFixture.Collection)]
public sealed class AnvilChainDefinition : ICollectionFixture<AnvilFixture>;
