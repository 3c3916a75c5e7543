using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Shared.Tests.Crypto;

public sealed class EthereumAddressTests
{
    /// <summary>The test cases listed in EIP-55 itself: all caps, all lower, and checksummed mixed case.</summary>
    public static TheoryData<string> Eip55Checksummed => new()
    {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    };

    public static TheoryData<string> Eip55SingleCase => new()
    {
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77",
        "0x27b1fdb04752bbc536007a920d24acb045561c26",
    };

    public static TheoryData<string, string> Malformed => new()
    {
        { "wrong checksum: one letter's case flipped", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD" },
        { "wrong checksum: first letter lowered", "0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed" },
        { "no 0x prefix", "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed" },
        { "0X prefix", "0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed" },
        { "39 digits", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe" },
        { "41 digits", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed0" },
        { "42 digits", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed00" },
        { "non-hex digit", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg" },
        { "whitespace", " 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed" },
        { "empty", string.Empty },
        { "did:ethr, not an address", "did:ethr:0x5aaeb6053f3e94c9b9a09f33669435e7ef1b" },
    };

    [Theory]
    [MemberData(nameof(Eip55Checksummed))]
    public void TryParse_Eip55ChecksummedAddress_RoundTripsExactly(string text)
    {
        Assert.True(EthereumAddress.TryParse(text, out var address));
        Assert.Equal(text, address.ToString());
        Assert.Equal(text.ToLowerInvariant(), address.ToLowerHex());
    }

    [Theory]
    [MemberData(nameof(Eip55Checksummed))]
    public void ToString_LowerCaseInput_GivesEip55Checksum(string checksummed)
    {
        Assert.Equal(checksummed, EthereumAddress.Parse(checksummed.ToLowerInvariant()).ToString());
        Assert.Equal(checksummed, EthereumAddress.Parse("0x" + checksummed[2..].ToUpperInvariant()).ToString());
    }

    [Theory]
    [MemberData(nameof(Eip55SingleCase))]
    public void TryParse_Eip55SingleCaseVector_AcceptedAndChecksumMatches(string text)
    {
        // EIP-55 chose these so that the checksum is all one case.
        Assert.True(EthereumAddress.TryParse(text, out var address));
        Assert.Equal(text, address.ToString());
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void TryParse_Malformed_ReturnsFalseAndParseThrowsFormatException(string @case, string text)
    {
        Assert.False(EthereumAddress.TryParse(text, out var address), @case);
        Assert.True(address.IsZero);
        Assert.Throws<FormatException>(() => EthereumAddress.Parse(text));
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(EthereumAddress.TryParse(null, out _));
    }

    [Fact]
    public void Equality_SameBytesDifferentCase_AreEqual()
    {
        var a = EthereumAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        var b = EthereumAddress.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, EthereumAddress.Zero);
    }

    [Fact]
    public void Zero_AndDefault_AreTheZeroAddress()
    {
        Assert.True(EthereumAddress.Zero.IsZero);
        Assert.True(default(EthereumAddress).IsZero);
        Assert.Equal(EthereumAddress.Zero, default);
        Assert.Equal("0x0000000000000000000000000000000000000000", default(EthereumAddress).ToString());
    }

    [Fact]
    public void TryFromPublicKey_CompressedAndUncompressedDidJwtKey_GiveSameAddress()
    {
        // did-jwt's JWT.test.ts key pair (specs Part II §A).
        var compressed = Hex.Decode("03fdd57adec3d438ea237fe46b33ee1e016eda6b585c3e27ea66686c2ea5358479");
        var uncompressed = new byte[Secp256k1.UncompressedPublicKeySize];
        Assert.True(Secp256k1.Default.TryParsePublicKey(compressed, uncompressed));

        Assert.True(EthereumAddress.TryFromPublicKey(compressed, out var fromCompressed));
        Assert.True(EthereumAddress.TryFromPublicKey(uncompressed, out var fromUncompressed));

        Assert.Equal("0xf3beac30c498d9e26865f34fcaa57dbb935b0d74", fromCompressed.ToLowerHex());
        Assert.Equal(fromCompressed, fromUncompressed);
    }

    [Fact]
    public void TryFromPublicKey_OffCurvePoint_ReturnsFalse()
    {
        var offCurve = Hex.Decode("04" + new string('0', 127) + "1");

        Assert.False(EthereumAddress.TryFromPublicKey(offCurve, out var address));
        Assert.True(address.IsZero);
        Assert.False(EthereumAddress.TryFromPublicKey([], out _));
    }

    [Fact]
    public void FromUncompressedPublicKey_NotUncompressed_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => EthereumAddress.FromUncompressedPublicKey(Hex.Decode("03fdd57adec3d438ea237fe46b33ee1e016eda6b585c3e27ea66686c2ea5358479")));
    }

    [Fact]
    public void FromBytes_Not20Bytes_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => EthereumAddress.FromBytes(new byte[19]));
        Assert.Equal("0x0000000000000000000000000000000000000001", EthereumAddress.FromBytes([.. new byte[19], 1]).ToString());
    }
}
