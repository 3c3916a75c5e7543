namespace Identity.Cli.Tests;

/// <summary>No other test may read or replace the process's standard input while these run.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class VcStandardInputTests
{
    public const string Name = "standard input";
}
