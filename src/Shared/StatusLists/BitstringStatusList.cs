using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using Identity.Shared.Encoding;
using Identity.Shared.Verification;

namespace Identity.Shared.StatusLists;

/// <summary>
/// An immutable status bitstring (W3C Bitstring Status List v1.0 §3). Index 0 is the left-most bit: the most
/// significant bit of the first byte (bit <c>i</c> is <c>bytes[i / 8] &amp; (0x80 &gt;&gt; (i % 8))</c>). A
/// <c>statusSize</c>-bit entry <c>n</c> spans bits <c>n × statusSize</c> onwards, read left to right as an unsigned
/// integer. Build one with <see cref="BitstringStatusListBuilder"/>; read one with <see cref="TryDecode"/>.
/// </summary>
public sealed class BitstringStatusList
{
    /// <summary>The minimum number of entries a list must have (v1.0 §3.2: 131,072), for herd privacy.</summary>
    public const int MinimumEntries = 131_072;

    /// <summary>The minimum uncompressed size in bytes (16 KiB).</summary>
    public const int MinimumBytes = MinimumEntries / 8;

    /// <summary>The largest <c>statusSize</c> this library reads or writes.</summary>
    public const int MaxStatusSize = 16;

    private readonly byte[] bytes;

    internal BitstringStatusList(byte[] bytes)
    {
        this.bytes = bytes;
    }

    /// <summary>The number of bits.</summary>
    public long Length => bytes.LongLength * 8;

    /// <summary>The bitstring bytes (a copy).</summary>
    public byte[] ToArray() => bytes.ToArray();

    /// <summary>Bit <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the list.</exception>
    public bool GetBit(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Length);
        return (bytes[index / 8] & (0x80 >> (int)(index % 8))) != 0;
    }

    /// <summary>How many <paramref name="statusSize"/>-bit entries the list holds.</summary>
    public long GetEntryCount(int statusSize)
    {
        CheckStatusSize(statusSize);
        return Length / statusSize;
    }

    /// <summary>The status of entry <paramref name="index"/>; false when the entry does not fit in the list.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusSize"/> is not between 1 and <see cref="MaxStatusSize"/>.</exception>
    public bool TryGetStatus(long index, int statusSize, out int status)
    {
        CheckStatusSize(statusSize);
        status = 0;
        if (index < 0 || index >= Length / statusSize)
        {
            return false;
        }

        var first = index * statusSize;
        for (var bit = first; bit < first + statusSize; bit++)
        {
            status = (status << 1) | ((bytes[bit / 8] >> (7 - (int)(bit % 8))) & 1);
        }

        return true;
    }

    /// <summary>Throwing wrapper over <see cref="TryGetStatus"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The entry is outside the list, or the status size is out of range.</exception>
    public int GetStatus(long index, int statusSize = 1) =>
        TryGetStatus(index, statusSize, out var status) ? status : throw new ArgumentOutOfRangeException(nameof(index), index, "The entry is outside the status list.");

    /// <summary>
    /// The <c>encodedList</c>: GZIP (RFC 1952) of the bits, base64url without padding, with the multibase prefix
    /// <c>u</c> for <see cref="StatusListFormat.BitstringStatusList"/> and without it for StatusList2021.
    /// </summary>
    public string Encode(StatusListFormat format = StatusListFormat.BitstringStatusList)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        var encoded = Base64UrlStrict.Encode(output.ToArray());
        return format == StatusListFormat.BitstringStatusList ? "u" + encoded : encoded;
    }

    /// <summary>
    /// Decodes an <c>encodedList</c>, strictly: the prefix of the format (<c>u</c>, or none for StatusList2021), strict
    /// unpadded base64url, one valid GZIP stream, at most <see cref="StatusListDecodeOptions.MaxDecompressedBytes"/>
    /// decompressed (<c>token_too_large</c> beyond: a bomb is stopped, not inflated), and at least
    /// <see cref="MinimumBytes"/>. Other failures are <c>malformed</c>. Never throws on bad input.
    /// </summary>
    public static bool TryDecode(string? encodedList, StatusListFormat format, StatusListDecodeOptions? options, [NotNullWhen(true)] out BitstringStatusList? list, [NotNullWhen(false)] out VerificationError? error) =>
        TryDecode(encodedList, format, options, MinimumBytes, out list, out error);

    /// <summary>Decoding without the size minimum, for the published bit-order vectors (a few bytes long).</summary>
    internal static bool TryDecode(string? encodedList, StatusListFormat format, StatusListDecodeOptions? options, int minimumBytes, [NotNullWhen(true)] out BitstringStatusList? list, [NotNullWhen(false)] out VerificationError? error)
    {
        options ??= StatusListDecodeOptions.Default;
        list = null;
        if (string.IsNullOrEmpty(encodedList))
        {
            error = Malformed("The encodedList is empty.");
            return false;
        }

        var text = encodedList.AsSpan();
        if (format == StatusListFormat.BitstringStatusList)
        {
            if (text[0] != 'u')
            {
                error = Malformed("The encodedList does not start with the multibase prefix u (base64url, no padding).");
                return false;
            }

            text = text[1..];
        }

        // GZIP cannot shrink data by much more than 1032:1, so a longer text can only be refused later anyway.
        if (text.Length > ((long)options.MaxDecompressedBytes * 4 / 3) + 1024)
        {
            error = new VerificationError(VerificationErrorCode.TokenTooLarge, "The encodedList is longer than the decoding limit allows.");
            return false;
        }

        if (!Base64UrlStrict.TryDecode(text, out var compressed))
        {
            error = Malformed("The encodedList is not strict unpadded base64url.");
            return false;
        }

        if (compressed.Length < 18 || compressed[0] != 0x1f || compressed[1] != 0x8b)
        {
            error = Malformed("The encodedList is not GZIP data (RFC 1952).");
            return false;
        }

        if (!TryGunzip(compressed, options.MaxDecompressedBytes, out var bits, out error))
        {
            return false;
        }

        if (bits.Length < minimumBytes)
        {
            error = Malformed("The status list is shorter than the 131,072-bit (16 KiB) minimum.");
            return false;
        }

        list = new BitstringStatusList(bits);
        return true;
    }

    /// <summary>Throwing wrapper over <see cref="TryDecode"/>.</summary>
    /// <exception cref="FormatException">The text is not a valid encoded list; the message names the rule broken.</exception>
    public static BitstringStatusList Decode(string encodedList, StatusListFormat format = StatusListFormat.BitstringStatusList, StatusListDecodeOptions? options = null) =>
        TryDecode(encodedList, format, options, out var list, out var error) ? list : throw new FormatException(error.Message);

    internal static void CheckStatusSize(int statusSize) =>
        ArgumentOutOfRangeException.ThrowIfNotEqual(statusSize is >= 1 and <= MaxStatusSize, true, nameof(statusSize));

    private static bool TryGunzip(byte[] compressed, int limit, out byte[] bits, [NotNullWhen(false)] out VerificationError? error)
    {
        bits = [];
        try
        {
            using var input = new MemoryStream(compressed, writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (output.Length + read > limit)
                {
                    error = new VerificationError(VerificationErrorCode.TokenTooLarge, "The decompressed status list is larger than the decoding limit.");
                    return false;
                }

                output.Write(buffer, 0, read);
            }

            // GZipStream ends quietly on a truncated stream; the trailer's ISIZE (length mod 2^32) catches that.
            // It also refuses concatenated members, which no status list producer writes.
            var declared = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(compressed.AsSpan(compressed.Length - 4));
            if (declared != (uint)output.Length)
            {
                error = Malformed("The encodedList's GZIP data is truncated or corrupt.");
                return false;
            }

            bits = output.ToArray();
            error = null;
            return true;
        }
        catch (InvalidDataException)
        {
            error = Malformed("The encodedList's GZIP data is corrupt.");
            return false;
        }
    }

    private static VerificationError Malformed(string message) => new(VerificationErrorCode.Malformed, message);
}
