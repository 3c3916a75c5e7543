using Identity.Shared.Encoding;

namespace Identity.Shared.Tests.Encoding;

public sealed class MultibaseTests
{
    // multiformats/multibase tests/test1.csv: "yes mani !" in each base.
    private static readonly byte[] YesMani = System.Text.Encoding.UTF8.GetBytes("yes mani !");

    [Theory]
    [InlineData("z7paNL19xttacUY")]
    [InlineData("ueWVzIG1hbmkgIQ")]
    [InlineData("f796573206d616e692021")]
    public void TryDecode_MultibaseTestVector_GivesText(string encoded)
    {
        Assert.True(Multibase.TryDecode(encoded, out var prefix, out var bytes));
        Assert.Equal(encoded[0], prefix);
        Assert.Equal(YesMani, bytes);
    }

    [Fact]
    public void EncodeBase58Btc_MultibaseTestVector_Matches() => Assert.Equal("z7paNL19xttacUY", Multibase.EncodeBase58Btc(YesMani));

    [Fact]
    public void EncodeBase64Url_MultibaseTestVector_Matches() => Assert.Equal("ueWVzIG1hbmkgIQ", Multibase.EncodeBase64Url(YesMani));

    [Theory]
    [InlineData("")]
    [InlineData("z")]
    [InlineData("Z7paNL19xttacUY")] // Z is base58flickr, not supported
    [InlineData("m eWVzIG1hbmkgIQ")]
    [InlineData("z7paNL19xttacU0")] // 0 is not base58
    [InlineData("ueWVzIG1hbmkgIQ==")] // base64url is unpadded
    [InlineData("ueWVzIG1hbmkgIR")] // non-canonical trailing bits
    [InlineData("F796573206D616E692021")] // upper-case base16 has its own prefix
    [InlineData("f796573206D616E692021")]
    [InlineData("f79657")]
    [InlineData("f0x7965")]
    public void TryDecode_Malformed_Fails(string encoded) => Assert.False(Multibase.TryDecode(encoded, out _));

    [Fact]
    public void TryDecodeBase58Btc_OtherBase_Fails() => Assert.False(Multibase.TryDecodeBase58Btc("ueWVzIG1hbmkgIQ", out _));

    [Fact]
    public void Decode_Unsupported_ThrowsFormatException() => Assert.Throws<FormatException>(() => Multibase.Decode("x123"));
}
