using System.Numerics;
using Identity.Shared.Crypto;

namespace Identity.Shared.Ethereum;

/// <summary>The 32-byte words of the Solidity ABI: just the static types and <c>bytes</c> that ERC-1056 uses.</summary>
internal static class AbiWord
{
    public const int Size = 32;

    public static void WriteAddress(Span<byte> word, EthereumAddress address)
    {
        word[..12].Clear();
        address.Bytes.CopyTo(word[12..Size]);
    }

    public static void WriteUInt256(Span<byte> word, BigInteger value)
    {
        if (value.Sign < 0 || value.GetBitLength() > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "A uint256 is between 0 and 2^256-1.");
        }

        word[..Size].Clear();
        var count = value.GetByteCount(isUnsigned: true);
        value.TryWriteBytes(word.Slice(Size - count, count), out _, isUnsigned: true, isBigEndian: true);
    }

    public static bool TryReadAddress(ReadOnlySpan<byte> data, int offset, out EthereumAddress address)
    {
        address = EthereumAddress.Zero;
        if (!TryWord(data, offset, out var word) || word[..12].ContainsAnyExcept((byte)0))
        {
            return false;
        }

        address = EthereumAddress.FromBytes(word[12..]);
        return true;
    }

    public static bool TryReadUInt256(ReadOnlySpan<byte> data, int offset, out BigInteger value)
    {
        value = BigInteger.Zero;
        if (!TryWord(data, offset, out var word))
        {
            return false;
        }

        value = new BigInteger(word, isUnsigned: true, isBigEndian: true);
        return true;
    }

    public static bool TryReadUInt64(ReadOnlySpan<byte> data, int offset, out ulong value)
    {
        value = 0;
        if (!TryWord(data, offset, out var word) || word[..24].ContainsAnyExcept((byte)0))
        {
            return false;
        }

        value = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(word[24..]);
        return true;
    }

    public static bool TryReadUInt32(ReadOnlySpan<byte> data, int offset, out int value)
    {
        value = 0;
        if (!TryReadUInt64(data, offset, out var wide) || wide > int.MaxValue)
        {
            return false;
        }

        value = (int)wide;
        return true;
    }

    public static bool TryReadBool(ReadOnlySpan<byte> data, int offset, out bool value)
    {
        value = false;
        if (!TryReadUInt64(data, offset, out var raw) || raw > 1)
        {
            return false;
        }

        value = raw == 1;
        return true;
    }

    /// <summary>Reads dynamic <c>bytes</c> whose head points at <paramref name="offset"/>: a length word, then the data padded with zeros.</summary>
    public static bool TryReadBytes(ReadOnlySpan<byte> data, int offset, out byte[] bytes)
    {
        bytes = [];
        if (!TryReadUInt32(data, offset, out var length))
        {
            return false;
        }

        var start = offset + Size;
        var padded = (length + Size - 1) / Size * Size;
        if ((long)start + padded > data.Length || data.Slice(start + length, padded - length).ContainsAnyExcept((byte)0))
        {
            return false;
        }

        bytes = data.Slice(start, length).ToArray();
        return true;
    }

    private static bool TryWord(ReadOnlySpan<byte> data, int offset, out ReadOnlySpan<byte> word)
    {
        word = default;
        if (offset < 0 || (long)offset + Size > data.Length)
        {
            return false;
        }

        word = data.Slice(offset, Size);
        return true;
    }
}
