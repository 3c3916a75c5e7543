namespace Identity.Shared.Crypto;

/// <summary>An <see cref="ISigner"/> over a key held in this process. It does not own the key: dispose the key yourself.</summary>
public sealed class PrivateKeySigner : ISigner
{
    private readonly PrivateKey _key;

    /// <summary>Signs with <paramref name="key"/> under <paramref name="algorithm"/>.</summary>
    /// <exception cref="ArgumentException">The key's type does not fit the algorithm.</exception>
    public PrivateKeySigner(PrivateKey key, SignatureAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(algorithm);
        if (key.Type != algorithm.KeyType)
        {
            throw new ArgumentException($"{algorithm.Name} signs with {algorithm.KeyType} keys, not {key.Type}.", nameof(key));
        }

        _key = key;
        Algorithm = algorithm;
    }

    /// <inheritdoc />
    public PublicKey PublicKey => _key.PublicKey;

    /// <inheritdoc />
    public SignatureAlgorithm Algorithm { get; }

    /// <inheritdoc />
    public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Algorithm.Sign(_key, data.Span));
}
