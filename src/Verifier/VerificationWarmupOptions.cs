namespace Identity.Verifier;

/// <summary>The start-up warm-up of the verification engine (see <see cref="Identity.Shared.Verification.VerificationWarmup"/>).</summary>
public sealed class VerificationWarmupOptions
{
    /// <summary>
    /// How long start-up may spend bringing the verification paths to optimised code before the site accepts
    /// requests; zero turns the warm-up off. Default 10 s: a fresh process otherwise verifies several times slower
    /// for its first seconds (docs/performance.md).
    /// </summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(10);
}
