using System.Diagnostics.CodeAnalysis;

namespace Identity.Shared.Ethereum;

/// <summary>
/// ERC-1056 names and delegate types as <c>bytes32</c>: UTF-8, right-padded with zeros ("veriKey",
/// "did/pub/Ed25519/veriKey/base64"…). Longer names are refused rather than silently truncated, so what is
/// written on chain is what the caller asked for.
/// </summary>
public static class Bytes32String
{
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Encodes <paramref name="text"/>; false when its UTF-8 is longer than 32 bytes or it holds a NUL.</summary>
    public static bool TryEncode(string text, [NotNullWhen(true)] out byte[]? bytes32)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes32 = null;
        if (text.Contains('\0', StringComparison.Ordinal) || System.Text.Encoding.UTF8.GetByteCount(text) > 32)
        {
            return false;
        }

        bytes32 = new byte[32];
        System.Text.Encoding.UTF8.GetBytes(text, bytes32);
        return true;
    }

    /// <summary>Throwing wrapper over <see cref="TryEncode"/>.</summary>
    public static byte[] Encode(string text) =>
        TryEncode(text, out var bytes) ? bytes : throw new ArgumentException($"'{text}' does not fit a bytes32 (at most 32 UTF-8 bytes, no NUL).", nameof(text));

    /// <summary>Strips trailing NULs and decodes UTF-8; false for invalid UTF-8 or a length other than 32.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes32, [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (bytes32.Length != 32)
        {
            return false;
        }

        var end = bytes32.LastIndexOfAnyExcept((byte)0) + 1;
        try
        {
            text = StrictUtf8.GetString(bytes32[..end]);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
