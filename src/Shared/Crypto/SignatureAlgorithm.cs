using System.Diagnostics.CodeAnalysis;

namespace Identity.Shared.Crypto;

/// <summary>
/// A JWS signature algorithm (RFC 7518 names, plus did-jwt's <c>ES256K-R</c>): singletons behind a
/// <c>private protected</c> constructor. <see cref="Verify"/> returns false on bad data and throws only on misuse
/// (a key of the wrong type).
/// </summary>
public abstract class SignatureAlgorithm
{
    private protected SignatureAlgorithm(string name, KeyType keyType, int signatureSize)
    {
        Name = name;
        KeyType = keyType;
        SignatureSize = signatureSize;
    }

    /// <summary>ECDSA over secp256k1 with SHA-256, 64-byte r‖s (RFC 8812).</summary>
    public static SignatureAlgorithm ES256K => Es256K.Instance;

    /// <summary>did-jwt's recoverable variant: 65 bytes r‖s‖recoveryId (0 or 1).</summary>
    public static SignatureAlgorithm ES256KR => Es256KR.Instance;

    /// <summary>Ed25519 over the raw signing input (RFC 8037).</summary>
    public static SignatureAlgorithm EdDSA => Ed25519Algorithm.Instance;

    /// <summary>ECDSA over P-256 with SHA-256, 64-byte r‖s.</summary>
    public static SignatureAlgorithm ES256 => Es256.Instance;

    /// <summary>Every algorithm, for contract tests.</summary>
    public static IReadOnlyList<SignatureAlgorithm> All { get; } = [ES256K, ES256KR, EdDSA, ES256];

    /// <summary>The JOSE <c>alg</c> value.</summary>
    public string Name { get; }

    /// <summary>The key type this algorithm signs with.</summary>
    public KeyType KeyType { get; }

    /// <summary>The exact signature length in bytes.</summary>
    public int SignatureSize { get; }

    /// <summary>
    /// Looks up a JOSE <c>alg</c> value, case-sensitively. did-jwt's legacy <c>Ed25519</c> maps to EdDSA;
    /// <c>none</c> and every other value are unknown.
    /// </summary>
    public static bool TryGet(string? name, [NotNullWhen(true)] out SignatureAlgorithm? algorithm)
    {
        algorithm = name switch
        {
            "ES256K" => ES256K,
            "ES256K-R" => ES256KR,
            "EdDSA" or "Ed25519" => EdDSA,
            "ES256" => ES256,
            _ => null,
        };
        return algorithm is not null;
    }

    /// <summary>Signs <paramref name="data"/> (the JWS signing input).</summary>
    public byte[] Sign(PrivateKey key, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(key);
        CheckKeyType(key.Type);
        return SignCore(key, data);
    }

    /// <summary>Verifies <paramref name="signature"/> over <paramref name="data"/>; false on any bad data.</summary>
    public bool Verify(PublicKey key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        CheckKeyType(key.Type);
        return signature.Length == SignatureSize && VerifyCore(key, data, signature);
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private protected abstract byte[] SignCore(PrivateKey key, ReadOnlySpan<byte> data);

    private protected abstract bool VerifyCore(PublicKey key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature);

    private void CheckKeyType(KeyType type)
    {
        if (type != KeyType)
        {
            throw new ArgumentException($"{Name} needs a {KeyType} key, not {type}.", nameof(type));
        }
    }
}
