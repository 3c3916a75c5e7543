using Identity.Shared.Crypto;
using Identity.Shared.Verification;

namespace Identity.Shared.Tests.Verification;

/// <summary>
/// The warm-up is steady only when a window compiles no method anywhere in the process; other tests running beside
/// it keep the JIT busy, so these run alone, after the parallel collections.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WarmupAloneDefinition
{
    public const string Name = "warm-up alone";
}

[Collection(WarmupAloneDefinition.Name)]
public sealed class VerificationWarmupTests
{
    [Fact]
    public async Task RunAsync_AmpleBudget_RunsUntilSteadyWithoutProblems()
    {
        var result = await VerificationWarmup.RunAsync(TimeSpan.FromMinutes(2));

        Assert.Empty(result.Problems);
        Assert.True(result.Completed);
        Assert.InRange(result.Iterations, VerificationWarmup.MinimumRounds + 1, VerificationWarmup.MaximumRounds - 1);
        Assert.True(result.RoundsPerSecond > 0);
        Assert.True(result.Elapsed < TimeSpan.FromMinutes(2));
        Assert.Equal(6, result.Paths.Count);
        Assert.Equal(Secp256k1.Default.Name, result.Secp256k1Implementation);
    }

    [Fact]
    public void Run_BudgetShorterThanSetUp_StopsWithoutARound()
    {
        var result = VerificationWarmup.Run(TimeSpan.FromTicks(1));

        Assert.Empty(result.Problems);
        Assert.False(result.Completed);
        Assert.Equal(0, result.Iterations);
    }

    [Fact]
    public void Run_ShortBudget_StopsAtTheBudgetUnsteady()
    {
        var result = VerificationWarmup.Run(TimeSpan.FromMilliseconds(300));

        Assert.Empty(result.Problems);
        Assert.False(result.Completed);
        Assert.InRange(result.Elapsed, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Run_Cancelled_StopsWithoutARound()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var result = VerificationWarmup.Run(TimeSpan.FromMinutes(1), cancellation.Token);

        Assert.False(result.Completed);
        Assert.Equal(0, result.Iterations);
    }

    [Fact]
    public void Run_NonPositiveBudget_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VerificationWarmup.Run(TimeSpan.Zero));
    }
}
