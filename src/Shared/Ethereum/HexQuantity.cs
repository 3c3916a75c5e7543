using System.Globalization;
using System.Numerics;
using Identity.Shared.Encoding;

namespace Identity.Shared.Ethereum;

/// <summary>
/// JSON-RPC hex encodings, read strictly as the execution API specifies them: a QUANTITY is <c>0x</c> and at
/// least one digit without leading zeros ("0x0" for zero); DATA is <c>0x</c> and an even number of digits.
/// </summary>
internal static class HexQuantity
{
    public static string Format(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    public static string Format(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Quantities are non-negative.");
        }

        if (value.IsZero)
        {
            return "0x0";
        }

        var hex = Hex.Encode(value.ToByteArray(isUnsigned: true, isBigEndian: true));
        return "0x" + hex.TrimStart('0');
    }

    public static bool TryParse(string? text, out BigInteger value, int maxBits = 256)
    {
        value = BigInteger.Zero;
        if (!IsCanonicalQuantity(text) || (text!.Length - 2) * 4 > maxBits + 3)
        {
            return false;
        }

        var digits = text.AsSpan(2);
        var padded = digits.Length % 2 == 0 ? digits.ToString() : "0" + digits.ToString();
        var bytes = Convert.FromHexString(padded);
        value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        return value.GetBitLength() <= maxBits;
    }

    public static bool TryParse(string? text, out ulong value)
    {
        value = 0;
        return IsCanonicalQuantity(text) && text!.Length <= 18
            && ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseData(string? text, out byte[] bytes)
    {
        bytes = [];
        return text is not null && text.StartsWith("0x", StringComparison.Ordinal) && Hex.TryDecode(text.AsSpan(2), out bytes);
    }

    public static bool TryParseData(string? text, int length, out byte[] bytes) =>
        TryParseData(text, out bytes) && bytes.Length == length;

    private static bool IsCanonicalQuantity(string? text)
    {
        if (text is null || text.Length < 3 || !text.StartsWith("0x", StringComparison.Ordinal))
        {
            return false;
        }

        if (text[2] == '0' && text.Length > 3)
        {
            return false;
        }

        foreach (var c in text.AsSpan(2))
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
