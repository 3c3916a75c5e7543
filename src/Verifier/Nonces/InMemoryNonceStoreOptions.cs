namespace Identity.Verifier.Nonces;

/// <summary>Limits of <see cref="InMemoryPresentationNonceStore"/>.</summary>
public sealed class InMemoryNonceStoreOptions
{
    /// <summary>The most nonces kept at once (issued and not yet expired); issuing more is refused until some expire.</summary>
    public int MaxEntries { get; set; } = 100_000;
}
