using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Shared.Tests.Crypto;

public sealed class PrivateKeyTests
{
    [Theory]
    [InlineData(KeyType.Secp256k1)]
    [InlineData(KeyType.Ed25519)]
    [InlineData(KeyType.P256)]
    public void Generate_EachType_ExportsAndReimportsToSameKey(KeyType type)
    {
        using var key = PrivateKey.Generate(type);
        var raw = key.ExportRaw();

        using var again = PrivateKey.Import(type, raw);

        Assert.Equal(type, key.Type);
        Assert.Equal(key.PublicKey, again.PublicKey);
        Assert.NotSame(raw, key.ExportRaw());
    }

    [Theory]
    [InlineData(KeyType.Secp256k1, "0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(KeyType.Secp256k1, "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    [InlineData(KeyType.Secp256k1, "01")]
    [InlineData(KeyType.Ed25519, "")]
    [InlineData(KeyType.P256, "0000000000000000000000000000000000000000000000000000000000000000")]
    public void TryImport_InvalidSecret_ReturnsFalseAndImportThrowsFormatException(KeyType type, string raw)
    {
        Assert.False(PrivateKey.TryImport(type, Hex.Decode(raw), out var key));
        Assert.Null(key);
        Assert.Throws<FormatException>(() => PrivateKey.Import(type, Hex.Decode(raw)));
    }

    [Fact]
    public void Dispose_ThenExport_ThrowsObjectDisposedException()
    {
        var key = PrivateKey.Generate(KeyType.Secp256k1);

        key.Dispose();
        key.Dispose();

        Assert.Throws<ObjectDisposedException>(() => key.ExportRaw());
        Assert.Equal(KeyType.Secp256k1, key.PublicKey.Type);
    }

    [Fact]
    public void ToString_ShowsNoKeyBytes()
    {
        using var key = PrivateKey.Import(KeyType.Secp256k1, Hex.Decode("278a5de700e29faae8e40e366ec5012b5ec63d36ec77e8a2417154cc1d25383f"));

        Assert.Equal("Secp256k1 private key", key.ToString());
    }
}
