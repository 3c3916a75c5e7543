using Identity.Shared.Verification;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Identity.Verifier;

/// <summary>
/// Runs the engine's warm-up while the host starts, so that the server begins listening with the hot paths already
/// optimised instead of serving its first requests from unoptimised code.
/// </summary>
internal sealed class VerificationWarmupService(IOptions<VerificationWarmupOptions> options, ILogger<VerificationWarmupService> logger) : IHostedService
{
    /// <summary>The runtime option (runtimeconfig.json) that sets the tier-up delay in milliseconds.</summary>
    public const string CallCountingDelaySetting = "System.Runtime.TieredCompilation.CallCountingDelayMs";

    /// <summary>What the last run did; null when the warm-up is off or has not run.</summary>
    public VerificationWarmupResult? Result { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Whether or not the warm-up runs, a process that sees one CPU can stay on unoptimized code (docs/performance.md).
        if (TierUpMayStall(Environment.ProcessorCount, AppContext.GetData(CallCountingDelaySetting), Environment.GetEnvironmentVariable("DOTNET_TC_CallCountingDelayMs") ?? Environment.GetEnvironmentVariable("COMPlus_TC_CallCountingDelayMs")))
        {
            logger.TierUpMayStall();
        }

        var budget = options.Value.Budget;
        if (budget <= TimeSpan.Zero)
        {
            return;
        }

        var result = await VerificationWarmup.RunAsync(budget, cancellationToken).ConfigureAwait(false);
        Result = result;
        if (result.Problems.Count > 0)
        {
            logger.WarmupProblems(string.Join("; ", result.Problems));
        }
        else
        {
            logger.WarmupCompleted(result.Iterations, result.Elapsed.TotalMilliseconds, result.Secp256k1Implementation);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// True when the process sees one CPU and nothing set the tier-up delay. .NET then waits ten times longer (1 s)
    /// for start-up to go quiet before it counts calls; under steady verification load that wait was seen never to end,
    /// and a warm-up on such a process finishes "steady" on unoptimized code.
    /// </summary>
    internal static bool TierUpMayStall(int processorCount, object? runtimeOption, string? environmentVariable) =>
        processorCount == 1 && runtimeOption is null && string.IsNullOrEmpty(environmentVariable);
}
