namespace Identity.Issuer.Keys;

/// <summary>
/// scrypt cost parameters of a new key file. <see cref="Default"/> is what geth ("standard") and ethers write.
/// Reading accepts at most <see cref="MaxMemoryBytes"/> of memory and <see cref="MaxWork"/> of N·r·p, so that a
/// hostile file cannot exhaust the host.
/// </summary>
/// <param name="N">CPU/memory cost, a power of two.</param>
/// <param name="R">Block size.</param>
/// <param name="P">Parallelism.</param>
public sealed record ScryptParameters(int N, int R, int P)
{
    /// <summary>The most memory scrypt may take (128·N·r bytes): 256 MiB.</summary>
    public const long MaxMemoryBytes = 256L * 1024 * 1024;

    /// <summary>The most work (N·r·p) accepted: 2^22, four times the default.</summary>
    public const long MaxWork = 1L << 22;

    /// <summary>N = 2^17, r = 8, p = 1.</summary>
    public static ScryptParameters Default { get; } = new(1 << 17, 8, 1);

    /// <summary>True when these parameters are within the accepted bounds.</summary>
    public bool IsWithinBounds =>
        N > 1 && (N & (N - 1)) == 0 && R is >= 1 and <= 64 && P is >= 1 and <= 16
        && 128L * N * R <= MaxMemoryBytes && (long)N * R * P <= MaxWork;
}
