using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Shared.Tests.Encoding;

public sealed class MulticodecTests
{
    // Varint prefixes as did:key DIDs show them: z6Mk = ed01, z6LS = ec01, zQ3s = e701, zDn = 8024.
    public static TheoryData<ulong, string> Prefixes => new()
    {
        { Multicodec.Ed25519Pub, "ed01" },
        { Multicodec.X25519Pub, "ec01" },
        { Multicodec.Secp256k1Pub, "e701" },
        { Multicodec.Bls12381G2Pub, "eb01" },
        { Multicodec.P256Pub, "8024" },
        { Multicodec.P384Pub, "8124" },
        { Multicodec.RsaPub, "8524" },
        { 0x01, "01" },
    };

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void AddPrefix_KnownCodec_WritesVarint(ulong code, string prefixHex) =>
        Assert.Equal(prefixHex + "aa", Hex.Encode(Multicodec.AddPrefix(code, [0xaa])));

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void TryReadPrefix_KnownCodec_ReadsCodeAndLength(ulong code, string prefixHex)
    {
        Assert.True(Multicodec.TryReadPrefix(Hex.Decode(prefixHex + "aa"), out var read, out var length));
        Assert.Equal(code, read);
        Assert.Equal(prefixHex.Length / 2, length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ed")] // truncated varint
    [InlineData("ed8100")] // non-minimal encoding of 0xed
    [InlineData("8080808080808080808001")] // longer than 9 bytes
    public void TryReadPrefix_Malformed_Fails(string hex) => Assert.False(Multicodec.TryReadPrefix(Hex.Decode(hex), out _, out _));

    [Fact]
    public void TryDecodePublicKey_DidKeySecp256k1Vector_GivesKey()
    {
        // did:key spec test vector zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme.
        var bytes = Base58.Decode("Q3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme");
        Assert.True(Multicodec.TryDecodePublicKey(bytes, out var key, out var error), error);
        Assert.Equal(KeyType.Secp256k1, key.Type);
        Assert.Equal(Base58.Decode("23o6Sau8NxxzXcgSc3PLcNxrzrZpbLeBn1izfv3jbKhuv"), key.ToCompressed());
        Assert.Equal(bytes, Multicodec.EncodePublicKey(key));
    }

    [Theory]
    [InlineData("ec01", 32, "not a supported signing key codec")]
    [InlineData("8124", 49, "not a supported signing key codec")]
    [InlineData("ed01", 31, "must be 32 bytes")]
    [InlineData("e701", 65, "must be 33 bytes")]
    [InlineData("8024", 32, "must be 33 bytes")]
    public void TryDecodePublicKey_WrongCodecOrLength_FailsWithReason(string prefixHex, int length, string reason)
    {
        var bytes = Hex.Decode(prefixHex + new string('0', 2) + Hex.Encode(new byte[length - 1]));
        Assert.False(Multicodec.TryDecodePublicKey(bytes, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecodePublicKey_PointNotOnCurve_Fails()
    {
        var bytes = Multicodec.AddPrefix(Multicodec.Secp256k1Pub, Hex.Decode("02" + new string('f', 64)));
        Assert.False(Multicodec.TryDecodePublicKey(bytes, out _, out var error));
        Assert.Contains("not a valid point", error, StringComparison.Ordinal);
    }
}
