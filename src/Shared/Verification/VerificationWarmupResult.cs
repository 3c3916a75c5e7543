namespace Identity.Shared.Verification;

/// <summary>What <see cref="VerificationWarmup.Run"/> did, for a start-up log line or a readiness probe.</summary>
public sealed record VerificationWarmupResult
{
    /// <summary>Rounds of the whole mix run (each round exercises every path of <see cref="Paths"/>).</summary>
    public required int Iterations { get; init; }

    /// <summary>Wall time spent, set-up included.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>
    /// True when the warm-up stopped because the round rate was steady; false when the budget, a cancellation or
    /// <see cref="VerificationWarmup.MaximumRounds"/> cut it short (the code may still be partly unoptimized).
    /// </summary>
    public required bool Completed { get; init; }

    /// <summary>The best rate of rounds per second measured over a window (0 when no window ran).</summary>
    public required double RoundsPerSecond { get; init; }

    /// <summary>The secp256k1 implementation exercised ("libsecp256k1" or the managed fallback's name).</summary>
    public required string Secp256k1Implementation { get; init; }

    /// <summary>The hot paths exercised, in the order of a round.</summary>
    public required IReadOnlyList<string> Paths { get; init; }

    /// <summary>
    /// Paths whose self-made input did not give the expected outcome; empty when all did. Not empty means a bug or a
    /// broken installation (e.g. a libsecp256k1 that disagrees with itself), worth logging as an error.
    /// </summary>
    public required IReadOnlyList<string> Problems { get; init; }
}
