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
    /// <summary>What the last run did; null when the warm-up is off or has not run.</summary>
    public VerificationWarmupResult? Result { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
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
}
