namespace Identity.Shared.Crypto;

/// <summary>
/// Signs with one key without revealing it: a <see cref="PrivateKey"/> in memory (<see cref="PrivateKeySigner"/>),
/// or a plug-in for a hardware security module or a cloud key service.
/// </summary>
public interface ISigner
{
    /// <summary>The public half of the key, for verification methods and self-checks.</summary>
    PublicKey PublicKey { get; }

    /// <summary>The algorithm this signer produces; its <see cref="SignatureAlgorithm.SignatureSize"/> is binding.</summary>
    SignatureAlgorithm Algorithm { get; }

    /// <summary>Signs <paramref name="data"/> (the JWS signing input) and returns the raw JOSE signature.</summary>
    ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);
}
