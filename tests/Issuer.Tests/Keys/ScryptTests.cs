using System.Text;
using Identity.Issuer.Keys;
using Identity.Shared.Encoding;

namespace Identity.Issuer.Tests.Keys;

public sealed class ScryptTests
{
    public static TheoryData<string, string, int, int, int, string> Rfc7914Vectors => new()
    {
        { string.Empty, string.Empty, 16, 1, 1, "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906" },
        { "password", "NaCl", 1024, 8, 16, "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640" },
    };

    [Theory]
    [MemberData(nameof(Rfc7914Vectors))]
    public void DeriveKey_Rfc7914Vector_Matches(string password, string salt, int n, int r, int p, string expected)
    {
        var key = Scrypt.DeriveKey(Encoding.ASCII.GetBytes(password), Encoding.ASCII.GetBytes(salt), n, r, p, 64);

        Assert.Equal(expected, Hex.Encode(key));
    }

    [Fact]
    public void DeriveKey_Web3VectorParameters_KnownDerivedKey()
    {
        // N = 2^18 with r = 1 breaks RFC 7914's N < 2^(16 r) (BouncyCastle refuses it); geth and ethers accept it.
        var key = Scrypt.DeriveKey(Encoding.ASCII.GetBytes("testpassword"), Hex.Decode("ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"), 262144, 1, 8, 32);

        Assert.Equal("fac192ceb5fd772906bea3e118a69e8bbb5cc24229e20d8766fd298291bba6bd", Hex.Encode(key));
    }

    [Theory]
    [InlineData(2, 1, 1)]
    [InlineData(1024, 8, 1)]
    [InlineData(256, 3, 2)]
    public void DeriveKey_RandomInputs_AgreesWithBouncyCastle(int n, int r, int p)
    {
        var password = System.Security.Cryptography.RandomNumberGenerator.GetBytes(13);
        var salt = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

        Assert.Equal(
            Org.BouncyCastle.Crypto.Generators.SCrypt.Generate(password, salt, n, r, p, 32),
            Scrypt.DeriveKey(password, salt, n, r, p, 32));
    }
}
