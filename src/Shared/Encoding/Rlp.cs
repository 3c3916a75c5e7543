using System.Numerics;

namespace Identity.Shared.Encoding;

/// <summary>
/// Recursive Length Prefix, the Ethereum wire encoding of transactions (yellow paper, appendix B).
/// Encoders take already-encoded items for lists so callers build nested structures bottom-up without an
/// intermediate tree; <see cref="TryDecode"/> is strict (canonical lengths only, no trailing bytes).
/// </summary>
public static class Rlp
{
    /// <summary>The encoding of the empty byte string (also of the integer 0).</summary>
    public static ReadOnlySpan<byte> EmptyString => [0x80];

    /// <summary>The encoding of the empty list.</summary>
    public static ReadOnlySpan<byte> EmptyList => [0xc0];

    /// <summary>Encodes a byte string.</summary>
    public static byte[] EncodeBytes(ReadOnlySpan<byte> value)
    {
        if (value.Length == 1 && value[0] < 0x80)
        {
            return [value[0]];
        }

        var result = new byte[HeaderLength(value.Length) + value.Length];
        var header = WriteHeader(result, 0x80, value.Length);
        value.CopyTo(result.AsSpan(header));
        return result;
    }

    /// <summary>Encodes a non-negative integer as its minimal big-endian bytes (0 is the empty string).</summary>
    public static byte[] EncodeInteger(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "RLP integers are non-negative.");
        }

        return EncodeBytes(value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true));
    }

    /// <summary>Encodes a non-negative integer (fast path for the common 64-bit fields).</summary>
    public static byte[] EncodeInteger(ulong value)
    {
        Span<byte> buffer = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(buffer, value);
        var start = 0;
        while (start < 8 && buffer[start] == 0)
        {
            start++;
        }

        return EncodeBytes(buffer[start..]);
    }

    /// <summary>Encodes a list whose items are already RLP-encoded.</summary>
    public static byte[] EncodeList(params ReadOnlySpan<byte[]> encodedItems)
    {
        var payload = 0;
        foreach (var item in encodedItems)
        {
            payload = checked(payload + item.Length);
        }

        var result = new byte[HeaderLength(payload) + payload];
        var offset = WriteHeader(result, 0xc0, payload);
        foreach (var item in encodedItems)
        {
            item.CopyTo(result, offset);
            offset += item.Length;
        }

        return result;
    }

    /// <summary>
    /// Decodes exactly one item spanning all of <paramref name="encoded"/>. False on truncated input, trailing
    /// bytes, non-canonical lengths (a long form where the short form fits, leading zeros in a length) or a
    /// single byte below 0x80 written with a prefix; <paramref name="maxDepth"/> bounds list nesting.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RlpItem? item, int maxDepth = 64)
    {
        item = null;
        if (!TryDecodeItem(encoded, maxDepth, out var decoded, out var consumed) || consumed != encoded.Length)
        {
            return false;
        }

        item = decoded;
        return true;
    }

    /// <summary>Throwing wrapper over <see cref="TryDecode"/>.</summary>
    public static RlpItem Decode(ReadOnlySpan<byte> encoded) =>
        TryDecode(encoded, out var item) ? item : throw new FormatException("Not a single canonical RLP item.");

    private static bool TryDecodeItem(ReadOnlySpan<byte> input, int depth, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RlpItem? item, out int consumed)
    {
        item = null;
        consumed = 0;
        if (input.IsEmpty || depth < 0)
        {
            return false;
        }

        var prefix = input[0];
        if (prefix < 0x80)
        {
            item = RlpItem.FromBytes([prefix]);
            consumed = 1;
            return true;
        }

        var isList = prefix >= 0xc0;
        var shortBase = isList ? 0xc0 : 0x80;
        int headerLength;
        long length;
        if (prefix - shortBase <= 55)
        {
            headerLength = 1;
            length = prefix - shortBase;
        }
        else
        {
            var lengthOfLength = prefix - shortBase - 55;
            if (lengthOfLength > 4 || input.Length < 1 + lengthOfLength || input[1] == 0)
            {
                return false;
            }

            length = 0;
            for (var i = 0; i < lengthOfLength; i++)
            {
                length = (length << 8) | input[1 + i];
            }

            if (length <= 55)
            {
                return false;
            }

            headerLength = 1 + lengthOfLength;
        }

        if (length > input.Length - headerLength)
        {
            return false;
        }

        var payload = input.Slice(headerLength, (int)length);
        consumed = headerLength + (int)length;
        if (!isList)
        {
            if (payload.Length == 1 && payload[0] < 0x80)
            {
                return false;
            }

            item = RlpItem.FromBytes(payload.ToArray());
            return true;
        }

        var items = new List<RlpItem>();
        while (!payload.IsEmpty)
        {
            if (!TryDecodeItem(payload, depth - 1, out var child, out var used))
            {
                return false;
            }

            items.Add(child);
            payload = payload[used..];
        }

        item = RlpItem.FromList(items);
        return true;
    }

    private static int HeaderLength(int payloadLength) => payloadLength <= 55 ? 1 : 1 + LengthOfLength(payloadLength);

    private static int LengthOfLength(int value)
    {
        var count = 0;
        for (var v = (uint)value; v != 0; v >>= 8)
        {
            count++;
        }

        return count;
    }

    private static int WriteHeader(Span<byte> destination, int shortBase, int payloadLength)
    {
        if (payloadLength <= 55)
        {
            destination[0] = (byte)(shortBase + payloadLength);
            return 1;
        }

        var lengthOfLength = LengthOfLength(payloadLength);
        destination[0] = (byte)(shortBase + 55 + lengthOfLength);
        for (var i = 0; i < lengthOfLength; i++)
        {
            destination[lengthOfLength - i] = (byte)(payloadLength >> (8 * i));
        }

        return 1 + lengthOfLength;
    }
}
