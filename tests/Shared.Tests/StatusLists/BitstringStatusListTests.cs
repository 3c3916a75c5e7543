using System.IO.Compression;
using Identity.Shared.Encoding;
using Identity.Shared.StatusLists;
using Identity.Shared.Verification;

namespace Identity.Shared.Tests.StatusLists;

public sealed class BitstringStatusListTests
{
    // Bitstring Status List v1.0 (REC 2025-05-15), examples: 16 KiB of zeros.
    private const string SpecExampleList = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA";

    // The StatusList2021 examples use the same GZIP data with no multibase prefix.
    private const string StatusList2021ExampleList = "H4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA";

    // @digitalbazaar/bitstring tests: bits 1 and 4 of an 8-bit list, MSB-first (v3 default) → byte 0x48.
    private const string BitOrderVector = "H4sIAAAAAAAAA_MAAC8mBaoBAAAA";

    // @digitalbazaar/vc-bitstring-status-list mock: 100,000 bits, written LSB-first by an old library.
    private const string Legacy100KWith50KthRevoked = "H4sIAAAAAAAAA-3OMQ0AAAgDsOHfNB72EJJWQRMAAAAAAIDWXAcAAAAAAIDHFrc4zDzUMAAA";

    [Fact]
    public void TryDecode_SpecExample_Is131072ZeroBits()
    {
        Assert.True(BitstringStatusList.TryDecode(SpecExampleList, StatusListFormat.BitstringStatusList, null, out var list, out var error), error?.Message);

        Assert.Equal(131_072, list.Length);
        Assert.All(list.ToArray(), b => Assert.Equal(0, b));
        Assert.False(list.GetBit(94567));
    }

    [Fact]
    public void TryDecode_StatusList2021Example_HasNoPrefix()
    {
        Assert.True(BitstringStatusList.TryDecode(StatusList2021ExampleList, StatusListFormat.StatusList2021, null, out var list, out var error), error?.Message);
        Assert.Equal(131_072, list.Length);
    }

    [Fact]
    public void TryDecode_DigitalBazaarBitOrderVector_SetsBitsOneAndFour()
    {
        Assert.True(BitstringStatusList.TryDecode(BitOrderVector, StatusListFormat.StatusList2021, null, minimumBytes: 1, out var list, out var error), error?.Message);

        Assert.Equal([0x48], list.ToArray());
        Assert.Equal([1, 4], Enumerable.Range(0, 8).Where(i => list.GetBit(i)));
    }

    [Fact]
    public void TryDecode_LegacyLsbFirstList_IsTooShortAndReadsAsIndex50007()
    {
        Assert.False(BitstringStatusList.TryDecode(Legacy100KWith50KthRevoked, StatusListFormat.StatusList2021, null, out _, out var error));
        Assert.Equal(VerificationErrorCode.Malformed, error.Code);
        Assert.Contains("131,072-bit", error.Message, StringComparison.Ordinal);

        // Byte 6250 = 0x01 means index 50000 only to an LSB-first reader; under the spec's order it is 50007.
        Assert.True(BitstringStatusList.TryDecode(Legacy100KWith50KthRevoked, StatusListFormat.StatusList2021, null, minimumBytes: 1, out var list, out _));
        Assert.Equal(100_000, list.Length);
        Assert.Equal([50007L], Enumerable.Range(0, 100_000).Where(i => list.GetBit(i)).Select(i => (long)i));
    }

    [Fact]
    public void Encode_ThenDecode_KeepsExactlyTheSetBits()
    {
        long[] set = [0, 1, 7, 8, 94567, 131_071];
        var builder = new BitstringStatusListBuilder();
        foreach (var index in set)
        {
            builder.Set(index, true);
        }

        var encoded = builder.ToStatusList().Encode();

        Assert.StartsWith("uH4sI", encoded, StringComparison.Ordinal);
        var decoded = BitstringStatusList.Decode(encoded);
        Assert.Equal(set, Enumerable.Range(0, 131_072).Where(i => decoded.GetBit(i)).Select(i => (long)i));
        Assert.Equal(0xC1, decoded.ToArray()[0]);
        Assert.Equal(0x80, decoded.ToArray()[1]);
    }

    [Fact]
    public void Encode_StatusList2021_HasNoPrefixAndRoundTrips()
    {
        var list = new BitstringStatusListBuilder().Set(42, true).ToStatusList();

        var encoded = list.Encode(StatusListFormat.StatusList2021);

        Assert.StartsWith("H4sI", encoded, StringComparison.Ordinal);
        Assert.True(BitstringStatusList.Decode(encoded, StatusListFormat.StatusList2021).GetBit(42));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 3)]
    [InlineData(2, 2)]
    [InlineData(3, 1)]
    [InlineData(131_071, 3)]
    public void GetStatus_TwoBitEntries_ReadLeftToRight(long index, int status)
    {
        var list = new BitstringStatusListBuilder(131_072, statusSize: 2).Set(index, status).ToStatusList();

        Assert.Equal(status, list.GetStatus(index, 2));
        Assert.Equal(262_144, list.Length);

        // Entry n spans bits 2n (most significant) and 2n+1.
        Assert.Equal((status & 2) != 0, list.GetBit(index * 2));
        Assert.Equal((status & 1) != 0, list.GetBit((index * 2) + 1));
    }

    [Fact]
    public void TryGetStatus_IndexOutOfRange_IsFalse()
    {
        var list = new BitstringStatusListBuilder().ToStatusList();

        Assert.False(list.TryGetStatus(131_072, 1, out _));
        Assert.False(list.TryGetStatus(65_536, 2, out _));
        Assert.False(list.TryGetStatus(-1, 1, out _));
        Assert.True(list.TryGetStatus(65_535, 2, out _));
    }

    [Fact]
    public void Builder_FewerThanMinimumEntries_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BitstringStatusListBuilder(131_071));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BitstringStatusListBuilder(131_072, statusSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BitstringStatusListBuilder().Set(0, 2));
    }

    public static TheoryData<string, string, StatusListFormat, string> HostileLists => new()
    {
        { "empty", "", StatusListFormat.BitstringStatusList, "empty" },
        { "no multibase prefix", StatusList2021ExampleList, StatusListFormat.BitstringStatusList, "multibase prefix u" },
        { "base58btc prefix", "z" + StatusList2021ExampleList, StatusListFormat.BitstringStatusList, "multibase prefix u" },
        { "prefix on a StatusList2021 list", SpecExampleList, StatusListFormat.StatusList2021, "The encodedList is not" },
        { "padding", SpecExampleList + "==", StatusListFormat.BitstringStatusList, "base64url" },
        { "standard alphabet", SpecExampleList.Replace('-', '+'), StatusListFormat.BitstringStatusList, "base64url" },
        { "whitespace", "u H4sIAAAAAAAAA", StatusListFormat.BitstringStatusList, "base64url" },
        { "not gzip", "u" + Base64UrlStrict.Encode(new byte[64]), StatusListFormat.BitstringStatusList, "not GZIP" },
        { "truncated gzip", SpecExampleList[..40], StatusListFormat.BitstringStatusList, "GZIP" },
        { "one byte list", "u" + BitOrderVector, StatusListFormat.BitstringStatusList, "131,072-bit" },
    };

    [Theory]
    [MemberData(nameof(HostileLists))]
    public void TryDecode_HostileInput_IsMalformedWithPreciseMessage(string name, string encoded, StatusListFormat format, string message)
    {
        Assert.False(BitstringStatusList.TryDecode(encoded, format, null, out _, out var error), name);
        Assert.Equal(VerificationErrorCode.Malformed, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_CorruptChecksum_IsMalformed()
    {
        var compressed = Gzip(new byte[16_384]);
        compressed[^8] ^= 0xff; // CRC32

        Assert.False(BitstringStatusList.TryDecode("u" + Base64UrlStrict.Encode(compressed), StatusListFormat.BitstringStatusList, null, out _, out var error));
        Assert.Equal(VerificationErrorCode.Malformed, error.Code);
    }

    [Fact]
    public void TryDecode_GzipBomb_IsStoppedAtTheLimit()
    {
        // 64 MiB of zeros compress to ~64 KiB: inflating it would cost 4× the default 16 MiB limit.
        var bomb = "u" + Base64UrlStrict.Encode(Gzip(new byte[64 * 1024 * 1024]));
        // This thread's allocations only: the process-wide count also holds whatever tests run in parallel.
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.False(BitstringStatusList.TryDecode(bomb, StatusListFormat.BitstringStatusList, null, out _, out var error));

        Assert.Equal(VerificationErrorCode.TokenTooLarge, error.Code);
        Assert.Contains("decompressed", error.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 48L * 1024 * 1024, "decompression was not bounded");
    }

    [Fact]
    public void TryDecode_ListLargerThanConfiguredLimit_IsRefused()
    {
        var list = new BitstringStatusListBuilder(262_144).ToStatusList().Encode();

        Assert.False(BitstringStatusList.TryDecode(list, StatusListFormat.BitstringStatusList, new StatusListDecodeOptions { MaxDecompressedBytes = 16_384 }, out _, out var error));
        Assert.Equal(VerificationErrorCode.TokenTooLarge, error.Code);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
