using Identity.Shared.Crypto;
using Identity.Shared.Dids.Ethr;

namespace Identity.Shared.Tests.Dids.Ethr;

public sealed class EthrDidTests
{
    private const string Address = "0xb9c5714089478a327f09197987f16f9e5d936e8a";

    // The generator point G, compressed; its address is well known (private key 1).
    private const string GeneratorKey = "0x0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
    private const string GeneratorAddress = "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf";

    // ethr-did-resolver keys networks by name or by "0x" + the chain id in lower-case hex, taken verbatim from the DID.
    public static TheoryData<string, string> Networks => new()
    {
        { Address, "mainnet" },
        { "mainnet:" + Address, "mainnet" },
        { "sepolia:" + Address, "sepolia" },
        { "0x1:" + Address, "0x1" },
        { "0xaa36a7:" + Address, "0xaa36a7" },
        { "0x01:" + Address, "0x01" },
        { "rsk:testnet:" + Address, "rsk:testnet" },
        { ":" + Address, string.Empty },
    };

    public static TheoryData<string> Invalid => new()
    {
        string.Empty,
        "mainnet",
        "0x1234",
        "0xb9c5714089478a327f09197987f16f9e5d936e8",             // 39 digits
        "0xb9c5714089478a327f09197987f16f9e5d936e8a1",           // 41 digits
        "0xb9c5714089478a327f09197987f16f9e5d936e8g",            // not hex
        "0Xb9c5714089478a327f09197987f16f9e5d936e8a",            // the prefix is lower-case 0x only
        "mainnet:0xb9c5714089478a327f09197987f16f9e5d936e8a:",   // trailing segment
        "0xb9c5714089478a327f09197987f16f9e5d936e8a\n",          // $ in JavaScript does not match before a newline
        "0x0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f817",     // 64 digits: neither form
        "0x0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",   // 0x04 prefix with 32 bytes
        "0x0079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",   // not a SEC1 prefix
        "0x020000000000000000000000000000000000000000000000000000000000000005",   // x = 5: x³ + 7 has no square root, off the curve
        "0x030000000000000000000000000000000000000000000000000000000000000000",   // x = 0: off the curve too
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void TryParse_AddressForm_NetworkAndAddress(string methodSpecificId, string network)
    {
        Assert.True(EthrDid.TryParse(methodSpecificId, out var did));
        Assert.Equal(network, did.Network);
        Assert.Equal(EthereumAddress.Parse(Address), did.Address);
        Assert.Null(did.PublicKeyHex);
    }

    [Fact]
    public void TryParse_MixedCaseAddress_SameAddress()
    {
        Assert.True(EthrDid.TryParse("0xB9C5714089478A327F09197987F16F9E5D936E8A", out var upper));
        Assert.True(EthrDid.TryParse("dev:0xB9C5714089478a327F09197987f16f9E5d936E8a", out var checksummed));

        Assert.Equal(EthereumAddress.Parse(Address), upper.Address);
        Assert.Equal(EthereumAddress.Parse(Address), checksummed.Address);
        Assert.Equal("dev", checksummed.Network);
    }

    [Theory]
    [InlineData(GeneratorKey, "mainnet")]
    [InlineData("mainnet:" + GeneratorKey, "mainnet")]
    [InlineData("0x7a69:" + GeneratorKey, "0x7a69")]
    public void TryParse_PublicKeyForm_AddressOfTheKey(string methodSpecificId, string network)
    {
        Assert.True(EthrDid.TryParse(methodSpecificId, out var did));
        Assert.Equal(network, did.Network);
        Assert.Equal(EthereumAddress.Parse(GeneratorAddress), did.Address);
        Assert.Equal(GeneratorKey, did.PublicKeyHex);
    }

    [Fact]
    public void TryParse_GeneratedKeys_AddressMatchesPrivateKey()
    {
        for (var i = 0; i < 8; i++)
        {
            using var key = PrivateKey.Generate(KeyType.Secp256k1);
            var compressed = "0x" + Convert.ToHexStringLower(key.PublicKey.ToCompressed());

            Assert.True(EthrDid.TryParse("dev:" + compressed, out var did));
            Assert.Equal(key.PublicKey.ToEthereumAddress(), did.Address);
            Assert.Equal(compressed, did.PublicKeyHex);
        }
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryParse_Invalid_False(string methodSpecificId)
    {
        Assert.False(EthrDid.TryParse(methodSpecificId, out var did));
        Assert.Null(did);
    }

    [Fact]
    public void Format_MainnetOrNoNetwork_NoNetworkSegment()
    {
        var address = EthereumAddress.Parse(Address);

        Assert.Equal("did:ethr:0xB9C5714089478a327F09197987f16f9E5d936E8a", EthrDid.Format(address));
        Assert.Equal("did:ethr:0xB9C5714089478a327F09197987f16f9E5d936E8a", EthrDid.Format(address, "mainnet"));
        Assert.Equal("did:ethr:0x7a69:0xB9C5714089478a327F09197987f16f9E5d936E8a", EthrDid.Format(address, "0x7a69"));
    }

    [Fact]
    public void Format_ThenTryParse_RoundTrips()
    {
        var address = EthereumAddress.Parse(Address);
        var did = EthrDid.Format(address, "sepolia");

        Assert.True(EthrDid.TryParse(did["did:ethr:".Length..], out var parsed));
        Assert.Equal("sepolia", parsed.Network);
        Assert.Equal(address, parsed.Address);
    }
}
