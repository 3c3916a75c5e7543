using System.Security.Cryptography;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Shared.Tests.Crypto;

public sealed class Secp256k1SmokeTests
{
    public static TheoryData<string> Implementations => new() { "native", "managed" };

    private static Secp256k1 Get(string name) => name == "native"
        ? Secp256k1.Native ?? throw new InvalidOperationException("libsecp256k1 is not installed; run scripts/setup.sh")
        : Secp256k1.Managed;

    [Theory]
    [MemberData(nameof(Implementations))]
    public void PrivateKeyOne_GivesGeneratorAddress(string implementation)
    {
        var secp = Get(implementation);
        var key = new byte[32];
        key[31] = 1;
        var pub = new byte[65];
        Assert.True(secp.TryGetPublicKey(key, pub));
        Assert.Equal("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf", EthereumAddress.FromUncompressedPublicKey(pub).ToString());
    }

    [Fact]
    public void SignVerifyRecover_BothImplementationsAgree()
    {
        var native = Get("native");
        var managed = Secp256k1.Managed;
        for (var i = 0; i < 50; i++)
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var hash = RandomNumberGenerator.GetBytes(32);
            var sigN = new byte[64];
            var sigM = new byte[64];
            var recN = native.Sign(hash, key, sigN);
            var recM = managed.Sign(hash, key, sigM);
            Assert.Equal(Hex.Encode(sigN), Hex.Encode(sigM));
            Assert.Equal(recN, recM);
            var pub = new byte[65];
            Assert.True(native.TryGetPublicKey(key, pub));
            Assert.True(managed.Verify(hash, sigN, pub));
            Assert.True(native.Verify(hash, sigM, pub));
            var recovered = new byte[65];
            Assert.True(managed.TryRecover(hash, sigN, recN, recovered));
            Assert.Equal(pub, recovered);
            Assert.True(native.TryRecover(hash, sigN, recN, recovered));
            Assert.Equal(pub, recovered);
        }
    }
}
