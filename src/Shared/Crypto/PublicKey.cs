using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;

namespace Identity.Shared.Crypto;

/// <summary>
/// A validated public key. <see cref="Bytes"/> holds the canonical encoding: the 65-byte uncompressed point for
/// secp256k1 and P-256, the 32 raw bytes for Ed25519. <see cref="ToString"/> shows no key bytes.
/// </summary>
public sealed class PublicKey : IEquatable<PublicKey>
{
    private static readonly X9ECParameters P256Curve = CustomNamedCurves.GetByName("secp256r1");

    private readonly byte[] bytes;
    private NSec.Cryptography.PublicKey? ed25519;
    private ECDsa? p256;

    private PublicKey(KeyType type, byte[] bytes)
    {
        Type = type;
        this.bytes = bytes;
    }

    /// <summary>The curve of this key.</summary>
    public KeyType Type { get; }

    /// <summary>The canonical encoding (uncompressed point, or raw Ed25519 bytes).</summary>
    public ReadOnlySpan<byte> Bytes => bytes;

    /// <summary>
    /// Imports a key: secp256k1 and P-256 as a compressed (33) or uncompressed (65) point on the curve,
    /// Ed25519 as 32 raw bytes. False for anything else.
    /// </summary>
    public static bool TryImport(KeyType type, ReadOnlySpan<byte> encoded, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PublicKey? key)
    {
        key = null;
        switch (type)
        {
            case KeyType.Secp256k1:
                var point = new byte[Secp256k1.UncompressedPublicKeySize];
                if (!Secp256k1.Default.TryParsePublicKey(encoded, point))
                {
                    return false;
                }

                key = new PublicKey(type, point);
                return true;

            case KeyType.Ed25519:
                if (encoded.Length != 32 ||
                    !NSec.Cryptography.PublicKey.TryImport(NSec.Cryptography.SignatureAlgorithm.Ed25519, encoded, NSec.Cryptography.KeyBlobFormat.RawPublicKey, out var nsecKey))
                {
                    return false;
                }

                key = new PublicKey(type, encoded.ToArray()) { ed25519 = nsecKey };
                return true;

            case KeyType.P256:
                if (!TryDecodeP256(encoded, out var p256))
                {
                    return false;
                }

                key = new PublicKey(type, p256);
                return true;

            default:
                return false;
        }
    }

    /// <summary>Throwing wrapper over <see cref="TryImport"/>.</summary>
    public static PublicKey Import(KeyType type, ReadOnlySpan<byte> encoded) =>
        TryImport(type, encoded, out var key) ? key : throw new FormatException($"Not a valid {type} public key.");

    /// <summary>The 33-byte compressed point (secp256k1, P-256) or the raw bytes (Ed25519).</summary>
    public byte[] ToCompressed()
    {
        if (Type == KeyType.Ed25519)
        {
            return bytes.ToArray();
        }

        var compressed = new byte[Secp256k1.CompressedPublicKeySize];
        compressed[0] = (byte)((bytes[64] & 1) == 0 ? 0x02 : 0x03);
        bytes.AsSpan(1, 32).CopyTo(compressed.AsSpan(1));
        return compressed;
    }

    /// <summary>The Ethereum address of a secp256k1 key.</summary>
    public EthereumAddress ToEthereumAddress() =>
        Type == KeyType.Secp256k1
            ? EthereumAddress.FromUncompressedPublicKey(bytes)
            : throw new InvalidOperationException("Only secp256k1 keys have an Ethereum address.");

    /// <inheritdoc />
    public bool Equals(PublicKey? other) => other is not null && other.Type == Type && other.bytes.AsSpan().SequenceEqual(bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PublicKey);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Type);
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }

    /// <summary>Names the key type only.</summary>
    public override string ToString() => $"{Type} public key";

    internal NSec.Cryptography.PublicKey Ed25519Key =>
        ed25519 ??= NSec.Cryptography.PublicKey.Import(NSec.Cryptography.SignatureAlgorithm.Ed25519, bytes, NSec.Cryptography.KeyBlobFormat.RawPublicKey);

    /// <summary>
    /// The P-256 key imported once and shared by every verification with this key: importing cost as much as the
    /// verification itself. Sharing is safe because verification only reads the instance (on Linux, ECDsaOpenSsl's
    /// VerifyHash takes the key handle and calls OpenSSL, which verifies against a shared key without mutating it);
    /// the instance is never disposed while this key lives, and its SafeHandle frees the native key afterwards.
    /// Only for verification: signing goes through <see cref="PrivateKey"/>.
    /// </summary>
    internal ECDsa P256Verifier
    {
        get
        {
            if (Volatile.Read(ref p256) is { } existing)
            {
                return existing;
            }

            var created = ECDsa.Create(ToP256Parameters());
            var winner = Interlocked.CompareExchange(ref p256, created, null);
            if (winner is null)
            {
                return created;
            }

            created.Dispose();
            return winner;
        }
    }

    internal ECParameters ToP256Parameters() => new()
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = bytes[1..33], Y = bytes[33..65] },
    };

    internal static PublicKey FromTrustedBytes(KeyType type, byte[] canonical) => new(type, canonical);

    private static bool TryDecodeP256(ReadOnlySpan<byte> encoded, out byte[] uncompressed)
    {
        uncompressed = [];
        if (!Secp256k1.HasPointPrefix(encoded))
        {
            return false;
        }

        try
        {
            var point = P256Curve.Curve.DecodePoint(encoded.ToArray()).Normalize();
            if (point.IsInfinity || !point.IsValid())
            {
                return false;
            }

            uncompressed = point.GetEncoded(false);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
