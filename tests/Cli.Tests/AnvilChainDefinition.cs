using Identity.TestSupport.Chain;

namespace Identity.Cli.Tests;

/// <summary>The CLI's chain tests share one anvil and run one after another (they change chain state and stop the node).</summary>
[CollectionDefinition(AnvilFixture.Collection)]
public sealed class AnvilChainDefinition : ICollectionFixture<AnvilFixture>;
