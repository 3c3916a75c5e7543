using System.Diagnostics.CodeAnalysis;
using Identity.Shared.Crypto;

namespace Identity.Shared.Encoding;

/// <summary>
/// Multicodec prefixes (multiformats table) as unsigned LEB128 varints, for the key codecs DID documents use.
/// Reading is strict: a non-minimal varint (e.g. <c>0xed 0x81 0x00</c>) or one longer than 9 bytes fails, so a
/// prefixed key has exactly one encoding.
/// </summary>
public static class Multicodec
{
    /// <summary>ed25519-pub.</summary>
    public const ulong Ed25519Pub = 0xed;

    /// <summary>x25519-pub (key agreement only).</summary>
    public const ulong X25519Pub = 0xec;

    /// <summary>secp256k1-pub (compressed point).</summary>
    public const ulong Secp256k1Pub = 0xe7;

    /// <summary>bls12_381-g1-pub.</summary>
    public const ulong Bls12381G1Pub = 0xea;

    /// <summary>bls12_381-g2-pub.</summary>
    public const ulong Bls12381G2Pub = 0xeb;

    /// <summary>p256-pub (compressed point).</summary>
    public const ulong P256Pub = 0x1200;

    /// <summary>p384-pub (compressed point).</summary>
    public const ulong P384Pub = 0x1201;

    /// <summary>p521-pub (compressed point).</summary>
    public const ulong P521Pub = 0x1202;

    /// <summary>rsa-pub (DER RSAPublicKey).</summary>
    public const ulong RsaPub = 0x1205;

    /// <summary>The unsigned-varint spec caps a varint at 9 bytes (63 bits).</summary>
    private const int MaxVarintLength = 9;

    /// <summary>Returns <paramref name="code"/> as a varint followed by <paramref name="data"/>.</summary>
    public static byte[] AddPrefix(ulong code, ReadOnlySpan<byte> data)
    {
        Span<byte> prefix = stackalloc byte[10];
        var length = WriteVarint(code, prefix);
        var result = new byte[length + data.Length];
        prefix[..length].CopyTo(result);
        data.CopyTo(result.AsSpan(length));
        return result;
    }

    /// <summary>Reads the leading varint code; <paramref name="prefixLength"/> is the number of bytes it used.</summary>
    public static bool TryReadPrefix(ReadOnlySpan<byte> data, out ulong code, out int prefixLength)
    {
        code = 0;
        prefixLength = 0;
        var shift = 0;
        for (var i = 0; i < data.Length && i < MaxVarintLength; i++)
        {
            var b = data[i];
            code |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                // Minimal encoding: a final byte of zero is only allowed for the code 0 itself.
                if (b == 0 && i > 0)
                {
                    code = 0;
                    return false;
                }

                prefixLength = i + 1;
                return true;
            }

            shift += 7;
        }

        code = 0;
        return false;
    }

    /// <summary>Splits prefixed data into its code and the bytes after the prefix.</summary>
    public static bool TrySplit(ReadOnlySpan<byte> data, out ulong code, [NotNullWhen(true)] out byte[]? payload)
    {
        payload = null;
        if (!TryReadPrefix(data, out code, out var prefixLength))
        {
            return false;
        }

        payload = data[prefixLength..].ToArray();
        return true;
    }

    /// <summary>The public-key codec of a key type.</summary>
    public static ulong PublicKeyCodeOf(KeyType type) => type switch
    {
        KeyType.Secp256k1 => Secp256k1Pub,
        KeyType.Ed25519 => Ed25519Pub,
        KeyType.P256 => P256Pub,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No multicodec for this key type."),
    };

    /// <summary>The signing key type of a public-key codec; false for codecs this product cannot verify with (x25519, BLS, P-384…).</summary>
    public static bool TryGetKeyType(ulong code, out KeyType type)
    {
        switch (code)
        {
            case Secp256k1Pub:
                type = KeyType.Secp256k1;
                return true;
            case Ed25519Pub:
                type = KeyType.Ed25519;
                return true;
            case P256Pub:
                type = KeyType.P256;
                return true;
            default:
                type = default;
                return false;
        }
    }

    /// <summary>
    /// The multicodec form of a public key as did:key and Multikey carry it: the codec prefix, then the compressed
    /// point (secp256k1, P-256) or the raw 32 bytes (Ed25519).
    /// </summary>
    public static byte[] EncodePublicKey(PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return AddPrefix(PublicKeyCodeOf(key.Type), key.ToCompressed());
    }

    /// <summary>
    /// Decodes a prefixed public key of a signing codec (secp256k1 and P-256 as a 33-byte compressed point, Ed25519
    /// as 32 bytes); false with a reason for an unknown codec, a wrong length or a point not on the curve.
    /// </summary>
    public static bool TryDecodePublicKey(ReadOnlySpan<byte> prefixed, [NotNullWhen(true)] out PublicKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (!TryReadPrefix(prefixed, out var code, out var prefixLength))
        {
            error = "The multicodec prefix is not a valid varint.";
            return false;
        }

        if (!TryGetKeyType(code, out var type))
        {
            error = $"The multicodec 0x{code:x} is not a supported signing key codec (ed25519-pub, secp256k1-pub, p256-pub).";
            return false;
        }

        var raw = prefixed[prefixLength..];
        var expected = type == KeyType.Ed25519 ? 32 : 33;
        if (raw.Length != expected)
        {
            error = $"A {type} multicodec key must be {expected} bytes, not {raw.Length}.";
            return false;
        }

        if (!PublicKey.TryImport(type, raw, out key))
        {
            error = $"The {type} key is not a valid point.";
            return false;
        }

        error = null;
        return true;
    }

    private static int WriteVarint(ulong value, Span<byte> destination)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }
}
