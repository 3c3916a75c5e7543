using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Shared.Tests.Crypto;

public sealed class Es256Tests
{
    // RFC 6979 A.2.5: the P-256 key and its deterministic SHA-256 signatures of "sample" and "test".
    private const string PrivateScalar = "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721";
    private const string PublicX = "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6";
    private const string PublicY = "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299";

    public static TheoryData<string, string> Rfc6979Signatures => new()
    {
        { "sample", "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8" },
        { "test", "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083" },
    };

    [Fact]
    public void Import_Rfc6979Scalar_GivesPublishedPoint()
    {
        using var key = PrivateKey.Import(KeyType.P256, Hex.Decode(PrivateScalar));

        Assert.Equal("04" + PublicX + PublicY, Hex.Encode(key.PublicKey.Bytes));
    }

    [Theory]
    [MemberData(nameof(Rfc6979Signatures))]
    public void Verify_Rfc6979Signature_ReturnsTrue(string message, string signature)
    {
        var key = PublicKey.Import(KeyType.P256, Hex.Decode("04" + PublicX + PublicY));

        Assert.True(SignatureAlgorithm.ES256.Verify(key, System.Text.Encoding.ASCII.GetBytes(message), Hex.Decode(signature)));
        Assert.False(SignatureAlgorithm.ES256.Verify(key, System.Text.Encoding.ASCII.GetBytes(message + "!"), Hex.Decode(signature)));
    }

    [Fact]
    public void Verify_CompressedImportOfSameKey_AcceptsSameSignature()
    {
        // Y of the RFC key ends in 0x99: odd, so the compressed prefix is 0x03.
        var key = PublicKey.Import(KeyType.P256, Hex.Decode("03" + PublicX));

        Assert.Equal("04" + PublicX + PublicY, Hex.Encode(key.Bytes));
        Assert.True(SignatureAlgorithm.ES256.Verify(key, "sample"u8, Hex.Decode("efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8")));
    }

    [Fact]
    public void SignThenVerify_Rfc6979Key_RoundTrips()
    {
        using var key = PrivateKey.Import(KeyType.P256, Hex.Decode(PrivateScalar));

        var signature = SignatureAlgorithm.ES256.Sign(key, "sample"u8);

        Assert.Equal(64, signature.Length);
        Assert.True(SignatureAlgorithm.ES256.Verify(key.PublicKey, "sample"u8, signature));
    }

    [Theory]
    [InlineData("off the curve", "04" + PublicX + "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462298")]
    [InlineData("hybrid prefix", "07" + PublicX + PublicY)]
    [InlineData("x only", PublicX)]
    public void PublicKeyTryImport_BadPoint_ReturnsFalse(string @case, string encoded)
    {
        Assert.False(PublicKey.TryImport(KeyType.P256, Hex.Decode(encoded), out _), @case);
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551")]
    public void PrivateKeyTryImport_ScalarOutOfRange_ReturnsFalse(string scalar)
    {
        Assert.False(PrivateKey.TryImport(KeyType.P256, Hex.Decode(scalar), out _));
    }
}
