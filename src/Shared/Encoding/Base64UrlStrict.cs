using System.Buffers.Text;

namespace Identity.Shared.Encoding;

/// <summary>
/// Base64url without padding (RFC 7515 §2), strict: the runtime's <see cref="Base64Url"/> decoder accepts
/// whitespace and padding, so every character is checked first, and non-canonical trailing bits are refused
/// so that one byte string has exactly one encoding.
/// </summary>
public static class Base64UrlStrict
{
    private static readonly System.Buffers.SearchValues<char> Alphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>Encodes without padding.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    /// <summary>Decodes unpadded base64url; any other character, a length of 1 mod 4 or non-zero trailing bits fail.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (!IsStrict(text))
        {
            return false;
        }

        var result = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (!Base64Url.TryDecodeFromChars(text, result, out var written))
        {
            return false;
        }

        bytes = written == result.Length ? result : result[..written];
        return true;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is strict unpadded base64url: only the alphabet (checked vectorised), a length
    /// other than 1 mod 4, and zero unused bits in the last character, so that one byte string has one encoding.
    /// </summary>
    public static bool IsStrict(ReadOnlySpan<char> text)
    {
        if (text.Length % 4 == 1 || text.ContainsAnyExcept(Alphabet))
        {
            return false;
        }

        if (text.Length % 4 == 0)
        {
            return true;
        }

        var unusedBits = text.Length % 4 == 2 ? 4 : 2;
        return (ValueOf(text[^1]) & ((1 << unusedBits) - 1)) == 0;
    }

    /// <summary>Decodes UTF-8 base64url bytes (a JWS segment as received) with the same rules.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> utf8, out byte[] bytes)
    {
        Span<char> chars = utf8.Length <= 512 ? stackalloc char[utf8.Length] : new char[utf8.Length];
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] >= 0x80)
            {
                bytes = [];
                return false;
            }

            chars[i] = (char)utf8[i];
        }

        return TryDecode(chars, out bytes);
    }

    /// <summary>Throwing wrapper over <see cref="TryDecode(ReadOnlySpan{char}, out byte[])"/>.</summary>
    public static byte[] Decode(ReadOnlySpan<char> text) =>
        TryDecode(text, out var bytes) ? bytes : throw new FormatException("The text is not strict unpadded base64url.");

    private static int ValueOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '-' => 62,
        _ => 63,
    };
}
