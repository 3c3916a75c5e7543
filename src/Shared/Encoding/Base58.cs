using System.Diagnostics.CodeAnalysis;

namespace Identity.Shared.Encoding;

/// <summary>
/// Base58 with the Bitcoin alphabet (as multibase <c>z</c>, did:key and publicKeyBase58 use it). Strict: only
/// alphabet characters, no whitespace; leading <c>1</c>s are leading zero bytes, so every byte string has exactly
/// one encoding.
/// </summary>
public static class Base58
{
    /// <summary>
    /// Longest text <see cref="TryDecode"/> accepts. Base58 is quadratic, so an attacker-sized input
    /// (a did:key of a megabyte) is refused before any work; 4096 characters is about 3 KB of data,
    /// far above any key encoding.
    /// </summary>
    public const int MaxDecodeLength = 4096;

    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static readonly sbyte[] Values = BuildValues();

    /// <summary>Encodes bytes as base58btc.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var zeros = 0;
        while (zeros < bytes.Length && bytes[zeros] == 0)
        {
            zeros++;
        }

        // log(256)/log(58) ≈ 1.365: enough digits for the big-endian base-58 number.
        var digits = new byte[((bytes.Length - zeros) * 138 / 100) + 1];
        var length = 0;
        for (var i = zeros; i < bytes.Length; i++)
        {
            int carry = bytes[i];
            for (var j = 0; j < length; j++)
            {
                carry += digits[j] << 8;
                digits[j] = (byte)(carry % 58);
                carry /= 58;
            }

            while (carry > 0)
            {
                digits[length++] = (byte)(carry % 58);
                carry /= 58;
            }
        }

        var chars = new char[zeros + length];
        chars.AsSpan(0, zeros).Fill('1');
        for (var i = 0; i < length; i++)
        {
            chars[zeros + i] = Alphabet[digits[length - 1 - i]];
        }

        return new string(chars);
    }

    /// <summary>Decodes base58btc; false for any character outside the alphabet, an empty text or one longer than <see cref="MaxDecodeLength"/>.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (text.IsEmpty || text.Length > MaxDecodeLength)
        {
            return false;
        }

        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }

        // log(58)/log(256) ≈ 0.733.
        var number = new byte[((text.Length - zeros) * 733 / 1000) + 1];
        var length = 0;
        for (var i = zeros; i < text.Length; i++)
        {
            var c = text[i];
            var value = c < 128 ? Values[c] : -1;
            if (value < 0)
            {
                return false;
            }

            var carry = value;
            for (var j = 0; j < length; j++)
            {
                carry += number[j] * 58;
                number[j] = (byte)carry;
                carry >>= 8;
            }

            while (carry > 0)
            {
                number[length++] = (byte)carry;
                carry >>= 8;
            }
        }

        var result = new byte[zeros + length];
        for (var i = 0; i < length; i++)
        {
            result[zeros + i] = number[length - 1 - i];
        }

        bytes = result;
        return true;
    }

    /// <summary>Throwing wrapper over <see cref="TryDecode"/>.</summary>
    public static byte[] Decode(ReadOnlySpan<char> text) =>
        TryDecode(text, out var bytes) ? bytes : throw new FormatException("The text is not base58btc.");

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
        }

        return values;
    }
}
