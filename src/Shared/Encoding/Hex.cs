namespace Identity.Shared.Encoding;

/// <summary>Lower-case hexadecimal with an optional <c>0x</c> prefix, as Ethereum and DID documents write it.</summary>
public static class Hex
{
    /// <summary>Lower-case hex without a prefix.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Lower-case hex with a <c>0x</c> prefix.</summary>
    public static string EncodePrefixed(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>Decodes hex digits of either case, with or without a <c>0x</c> prefix; odd lengths and other characters fail.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        if (text.StartsWith("0x", StringComparison.Ordinal) || text.StartsWith("0X", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        bytes = [];
        if (text.Length % 2 != 0)
        {
            return false;
        }

        var result = new byte[text.Length / 2];
        if (Convert.FromHexString(text, result, out _, out var written) != System.Buffers.OperationStatus.Done || written != result.Length)
        {
            return false;
        }

        bytes = result;
        return true;
    }

    /// <summary>Throwing wrapper over <see cref="TryDecode"/> for trusted, compile-time inputs.</summary>
    public static byte[] Decode(ReadOnlySpan<char> text) =>
        TryDecode(text, out var bytes) ? bytes : throw new FormatException("The text is not an even-length hexadecimal string.");
}
