namespace Identity.Shared.Crypto;

/// <summary>
/// The secp256k1 operations the product needs, over spans: 32-byte message hashes, 32-byte private scalars,
/// 64-byte compact signatures <c>r‖s</c> (big-endian) and 65-byte uncompressed public keys <c>0x04‖X‖Y</c>.
/// Two implementations give identical results: the system's libsecp256k1 (<see cref="Native"/>, the fast path)
/// and a managed one on BouncyCastle's optimised curve (<see cref="Managed"/>).
/// Methods return <c>false</c> on bad data and throw only on misuse (wrong buffer sizes).
/// </summary>
public abstract class Secp256k1
{
    /// <summary>Size of a private scalar.</summary>
    public const int PrivateKeySize = 32;

    /// <summary>Size of a message hash.</summary>
    public const int HashSize = 32;

    /// <summary>Size of a compact signature r‖s.</summary>
    public const int SignatureSize = 64;

    /// <summary>Size of an uncompressed public key 0x04‖X‖Y.</summary>
    public const int UncompressedPublicKeySize = 65;

    /// <summary>Size of a compressed public key 0x02/0x03‖X.</summary>
    public const int CompressedPublicKeySize = 33;

    private protected Secp256k1()
    {
    }

    /// <summary>The managed implementation (BouncyCastle), always available.</summary>
    public static Secp256k1 Managed => ManagedSecp256k1.Instance;

    /// <summary>The libsecp256k1 implementation, or <c>null</c> when the library is not installed.</summary>
    public static Secp256k1? Native => NativeSecp256k1.Instance;

    /// <summary>The name of the environment variable that forces the managed implementation (value <c>managed</c>).</summary>
    public const string ImplementationVariable = "IDENTITY_SECP256K1";

    /// <summary>
    /// The implementation every signature algorithm uses: libsecp256k1 when installed, otherwise the managed one;
    /// <c>IDENTITY_SECP256K1=managed</c> forces the managed one (to measure or run the fallback where the library is
    /// present). Read once per process.
    /// </summary>
    public static Secp256k1 Default { get; } =
        string.Equals(Environment.GetEnvironmentVariable(ImplementationVariable), "managed", StringComparison.OrdinalIgnoreCase) ? Managed : Native ?? Managed;

    /// <summary>A short name for diagnostics and benchmarks ("libsecp256k1", "BouncyCastle").</summary>
    public abstract string Name { get; }

    /// <summary>Whether <paramref name="privateKey"/> is a valid scalar in [1, n-1].</summary>
    public abstract bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey);

    /// <summary>Computes the uncompressed public key; false when the scalar is invalid.</summary>
    public abstract bool TryGetPublicKey(ReadOnlySpan<byte> privateKey, Span<byte> uncompressedPublicKey);

    /// <summary>
    /// Parses a compressed (33 bytes, 0x02/0x03) or uncompressed (65 bytes, 0x04) public key, checks it lies on the
    /// curve, and writes its uncompressed form. Other prefixes, including the hybrid 0x06/0x07, give false.
    /// </summary>
    public abstract bool TryParsePublicKey(ReadOnlySpan<byte> encodedPublicKey, Span<byte> uncompressedPublicKey);

    /// <summary>
    /// Signs a 32-byte hash with RFC 6979 deterministic nonces (HMAC-SHA256), producing a low-S signature,
    /// and returns the recovery id (0 or 1) of that signature.
    /// </summary>
    public abstract int Sign(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> privateKey, Span<byte> signature);

    /// <summary>
    /// Verifies a compact signature against a public key (33 or 65 bytes). High-S signatures are accepted,
    /// as did-jwt accepts them; r and s out of range, or a key off the curve, give false.
    /// </summary>
    public abstract bool Verify(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> publicKey);

    /// <summary>Recovers the uncompressed public key that produced <paramref name="signature"/> with recovery id 0..3.</summary>
    public abstract bool TryRecover(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature, int recoveryId, Span<byte> uncompressedPublicKey);

    /// <summary>Compresses an uncompressed public key (pure arithmetic on the encoding: the parity of Y).</summary>
    public static void Compress(ReadOnlySpan<byte> uncompressedPublicKey, Span<byte> compressedPublicKey)
    {
        if (uncompressedPublicKey.Length != UncompressedPublicKeySize || uncompressedPublicKey[0] != 0x04)
        {
            throw new ArgumentException("Expected a 65-byte uncompressed public key.", nameof(uncompressedPublicKey));
        }

        if (compressedPublicKey.Length < CompressedPublicKeySize)
        {
            throw new ArgumentException("The destination must hold 33 bytes.", nameof(compressedPublicKey));
        }

        compressedPublicKey[0] = (byte)((uncompressedPublicKey[64] & 1) == 0 ? 0x02 : 0x03);
        uncompressedPublicKey.Slice(1, 32).CopyTo(compressedPublicKey[1..]);
    }

    /// <summary>
    /// Whether the encoding is SEC1 compressed (0x02/0x03, 33 bytes) or uncompressed (0x04, 65 bytes). Both
    /// libsecp256k1 and BouncyCastle also take the "hybrid" 0x06/0x07 form, which JOSE, did-jwt (noble) and
    /// Ethereum never produce; refusing it here keeps one key with one accepted encoding per form.
    /// </summary>
    internal static bool HasPointPrefix(ReadOnlySpan<byte> encoded) => encoded.Length switch
    {
        CompressedPublicKeySize => encoded[0] is 0x02 or 0x03,
        UncompressedPublicKeySize => encoded[0] == 0x04,
        _ => false,
    };

    private protected static void CheckHash(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != HashSize)
        {
            throw new ArgumentException("Expected a 32-byte hash.", nameof(hash));
        }
    }

    private protected static void CheckLength(ReadOnlySpan<byte> buffer, int length, string name)
    {
        if (buffer.Length < length)
        {
            throw new ArgumentException($"The buffer must hold {length} bytes.", name);
        }
    }
}
