using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Shared.Tests.Crypto;

public sealed class PublicKeyTests
{
    private const string DidJwtCompressed = "03fdd57adec3d438ea237fe46b33ee1e016eda6b585c3e27ea66686c2ea5358479";

    [Fact]
    public void TryImport_CompressedAndUncompressedSecp256k1_GiveEqualKeys()
    {
        var compressed = PublicKey.Import(KeyType.Secp256k1, Hex.Decode(DidJwtCompressed));
        var uncompressed = PublicKey.Import(KeyType.Secp256k1, compressed.Bytes);

        Assert.Equal(65, compressed.Bytes.Length);
        Assert.Equal(compressed, uncompressed);
        Assert.Equal(compressed.GetHashCode(), uncompressed.GetHashCode());
        Assert.Equal(DidJwtCompressed, Hex.Encode(uncompressed.ToCompressed()));
        Assert.Equal("0xf3beac30c498d9e26865f34fcaa57dbb935b0d74", compressed.ToEthereumAddress().ToLowerHex());
    }

    [Theory]
    [InlineData(KeyType.Secp256k1, "02" + "0000000000000000000000000000000000000000000000000000000000000005")]
    [InlineData(KeyType.Secp256k1, "06fdd57adec3d438ea237fe46b33ee1e016eda6b585c3e27ea66686c2ea5358479")]
    [InlineData(KeyType.Secp256k1, "")]
    [InlineData(KeyType.Ed25519, "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f70751")]
    [InlineData(KeyType.P256, "02" + "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff")]
    public void TryImport_BadEncoding_ReturnsFalseAndImportThrowsFormatException(KeyType type, string encoded)
    {
        Assert.False(PublicKey.TryImport(type, Hex.Decode(encoded), out var key));
        Assert.Null(key);
        Assert.Throws<FormatException>(() => PublicKey.Import(type, Hex.Decode(encoded)));
    }

    [Fact]
    public void Equals_SameBytesDifferentType_AreNotEqual()
    {
        using var secp256k1 = PrivateKey.Generate(KeyType.Secp256k1);

        Assert.False(PublicKey.TryImport(KeyType.P256, secp256k1.PublicKey.Bytes, out _));
        Assert.NotEqual(secp256k1.PublicKey, PrivateKey.Generate(KeyType.Secp256k1).PublicKey);
        Assert.False(secp256k1.PublicKey.Equals(null));
    }

    [Fact]
    public void ToEthereumAddress_NotSecp256k1_ThrowsInvalidOperationException()
    {
        using var ed25519 = PrivateKey.Generate(KeyType.Ed25519);

        Assert.Throws<InvalidOperationException>(() => ed25519.PublicKey.ToEthereumAddress());
    }

    [Fact]
    public void ToString_ShowsNoKeyBytes()
    {
        var key = PublicKey.Import(KeyType.Secp256k1, Hex.Decode(DidJwtCompressed));

        Assert.Equal("Secp256k1 public key", key.ToString());
    }
}
