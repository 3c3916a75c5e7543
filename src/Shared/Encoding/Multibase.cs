using System.Diagnostics.CodeAnalysis;

namespace Identity.Shared.Encoding;

/// <summary>
/// Multibase (draft-multiformats-multibase): a one-character prefix naming the base, then the data. Supported:
/// <c>z</c> base58btc (did:key, publicKeyMultibase), <c>u</c> base64url without padding, <c>f</c> lower-case
/// base16. Decoding is strict for each base; any other prefix fails.
/// </summary>
public static class Multibase
{
    /// <summary>Prefix of base58btc.</summary>
    public const char Base58BtcPrefix = 'z';

    /// <summary>Prefix of base64url without padding.</summary>
    public const char Base64UrlPrefix = 'u';

    /// <summary>Prefix of lower-case base16.</summary>
    public const char Base16Prefix = 'f';

    /// <summary><c>z</c> + base58btc.</summary>
    public static string EncodeBase58Btc(ReadOnlySpan<byte> bytes) => Base58BtcPrefix + Base58.Encode(bytes);

    /// <summary><c>u</c> + base64url without padding.</summary>
    public static string EncodeBase64Url(ReadOnlySpan<byte> bytes) => Base64UrlPrefix + Base64UrlStrict.Encode(bytes);

    /// <summary>Decodes any supported multibase text.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, [NotNullWhen(true)] out byte[]? bytes) => TryDecode(text, out _, out bytes);

    /// <summary>Decodes any supported multibase text and reports its prefix.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out char prefix, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        prefix = '\0';
        if (text.Length < 2)
        {
            return false;
        }

        prefix = text[0];
        var data = text[1..];
        switch (prefix)
        {
            case Base58BtcPrefix:
                return Base58.TryDecode(data, out bytes);
            case Base64UrlPrefix:
                if (Base64UrlStrict.TryDecode(data, out var decoded))
                {
                    bytes = decoded;
                    return true;
                }

                return false;
            case Base16Prefix:
                // Multibase f is lower case only; the upper-case variant has its own prefix (F).
                foreach (var c in data)
                {
                    if (c is >= 'A' and <= 'F')
                    {
                        return false;
                    }
                }

                if (data.StartsWith("0x", StringComparison.Ordinal) || !Hex.TryDecode(data, out var hex))
                {
                    return false;
                }

                bytes = hex;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Decodes base58btc multibase (<c>z…</c>) only, as did:key and publicKeyMultibase require.</summary>
    public static bool TryDecodeBase58Btc(ReadOnlySpan<char> text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        return text.Length >= 2 && text[0] == Base58BtcPrefix && Base58.TryDecode(text[1..], out bytes);
    }

    /// <summary>Throwing wrapper over <see cref="TryDecode(ReadOnlySpan{char}, out byte[])"/>.</summary>
    public static byte[] Decode(ReadOnlySpan<char> text) =>
        TryDecode(text, out var bytes) ? bytes : throw new FormatException("The text is not multibase in a supported base (z, u, f).");
}
