using System.Diagnostics.CodeAnalysis;
using Identity.Shared.Encoding;

namespace Identity.Shared.Crypto;

/// <summary>A 20-byte Ethereum account address; <see cref="ToString"/> gives the EIP-55 checksum form.</summary>
public readonly struct EthereumAddress : IEquatable<EthereumAddress>
{
    /// <summary>Size of an address in bytes.</summary>
    public const int Size = 20;

    private static readonly System.Buffers.SearchValues<char> LowerHexLetters = System.Buffers.SearchValues.Create("abcdef");
    private static readonly System.Buffers.SearchValues<char> UpperHexLetters = System.Buffers.SearchValues.Create("ABCDEF");

    private readonly byte[]? bytes;

    private EthereumAddress(byte[] bytes) => this.bytes = bytes;

    /// <summary>The zero address (deactivation in ERC-1056).</summary>
    public static EthereumAddress Zero { get; } = new(new byte[Size]);

    /// <summary>The 20 address bytes.</summary>
    public ReadOnlySpan<byte> Bytes => bytes ?? Zero.bytes;

    /// <summary>Whether this is the zero address.</summary>
    public bool IsZero => !Bytes.ContainsAnyExcept((byte)0);

    /// <summary>Wraps 20 bytes.</summary>
    public static EthereumAddress FromBytes(ReadOnlySpan<byte> address) =>
        address.Length == Size ? new EthereumAddress(address.ToArray()) : throw new ArgumentException("An address is 20 bytes.", nameof(address));

    /// <summary>
    /// keccak256(X‖Y)[12..32] of a secp256k1 public key (33 or 65 bytes; compressed keys are decompressed).
    /// False when the bytes are not a point on the curve: an address of a key nobody can sign with is no address.
    /// </summary>
    public static bool TryFromPublicKey(ReadOnlySpan<byte> publicKey, out EthereumAddress address)
    {
        address = Zero;
        Span<byte> uncompressed = stackalloc byte[Secp256k1.UncompressedPublicKeySize];
        if (!Secp256k1.Default.TryParsePublicKey(publicKey, uncompressed))
        {
            return false;
        }

        address = FromUncompressedPublicKey(uncompressed);
        return true;
    }

    /// <summary>The address of a 65-byte uncompressed public key, without checking that the point is on the curve.</summary>
    public static EthereumAddress FromUncompressedPublicKey(ReadOnlySpan<byte> uncompressedPublicKey)
    {
        if (uncompressedPublicKey.Length != Secp256k1.UncompressedPublicKeySize || uncompressedPublicKey[0] != 0x04)
        {
            throw new ArgumentException("Expected a 65-byte uncompressed public key.", nameof(uncompressedPublicKey));
        }

        Span<byte> hash = stackalloc byte[Keccak256.HashSize];
        Keccak256.Hash(uncompressedPublicKey[1..], hash);
        return new EthereumAddress(hash[12..].ToArray());
    }

    /// <summary>
    /// Parses <c>0x</c> + 40 hex digits. All-lower and all-upper case are accepted as they are; mixed case must
    /// carry a valid EIP-55 checksum.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out EthereumAddress address)
    {
        address = Zero;
        if (text is null || text.Length != 42 || !text.StartsWith("0x", StringComparison.Ordinal) || !Hex.TryDecode(text, out var raw))
        {
            return false;
        }

        var digits = text.AsSpan(2);
        var candidate = new EthereumAddress(raw);
        var mixedCase = digits.ContainsAny(LowerHexLetters) && digits.ContainsAny(UpperHexLetters);
        if (mixedCase && !string.Equals(candidate.ToString(), text, StringComparison.Ordinal))
        {
            return false;
        }

        address = candidate;
        return true;
    }

    /// <summary>Throwing wrapper over <see cref="TryParse"/>.</summary>
    public static EthereumAddress Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException("Not an Ethereum address (0x + 40 hex digits, EIP-55 checksum when mixed case).");

    /// <summary>Lower-case <c>0x…</c> form.</summary>
    public string ToLowerHex() => Hex.EncodePrefixed(Bytes);

    /// <summary>EIP-55 mixed-case checksum form.</summary>
    public override string ToString()
    {
        var lower = Hex.Encode(Bytes);
        Span<byte> hash = stackalloc byte[Keccak256.HashSize];
        Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes(lower), hash);
        Span<char> result = stackalloc char[42];
        result[0] = '0';
        result[1] = 'x';
        for (var i = 0; i < 40; i++)
        {
            var nibble = (i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2]) & 0x0f;
            var c = lower[i];
            result[i + 2] = nibble >= 8 && c >= 'a' ? char.ToUpperInvariant(c) : c;
        }

        return new string(result);
    }

    /// <inheritdoc />
    public bool Equals(EthereumAddress other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EthereumAddress other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    /// <summary>Byte equality.</summary>
    public static bool operator ==(EthereumAddress left, EthereumAddress right) => left.Equals(right);

    /// <summary>Byte inequality.</summary>
    public static bool operator !=(EthereumAddress left, EthereumAddress right) => !left.Equals(right);
}
