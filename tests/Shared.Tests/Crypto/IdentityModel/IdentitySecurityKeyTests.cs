using System.Security.Cryptography;
using Identity.Shared.Crypto;
using Identity.Shared.Crypto.IdentityModel;
using Identity.Shared.Encoding;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Shared.Tests.Crypto.IdentityModel;

public sealed class IdentitySecurityKeyTests
{
    [Fact]
    public void ComputeJwkThumbprint_Rfc8037Ed25519Key_GivesPublishedThumbprint()
    {
        // RFC 8037 Appendix A.3: the RFC 8032 TEST 1 key and its RFC 7638 thumbprint.
        var key = new IdentitySecurityKey(PublicKey.Import(KeyType.Ed25519, Hex.Decode("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")));

        Assert.True(key.CanComputeJwkThumbprint());
        Assert.Equal("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", Base64UrlStrict.Encode(key.ComputeJwkThumbprint()));
    }

    [Theory]
    [InlineData(KeyType.Secp256k1, "secp256k1")]
    [InlineData(KeyType.P256, "P-256")]
    public void ComputeJwkThumbprint_EcKey_MatchesIdentityModelsJsonWebKey(KeyType type, string curve)
    {
        using var privateKey = PrivateKey.Generate(type);
        var bytes = privateKey.PublicKey.Bytes;
        var jwk = new JsonWebKey
        {
            Kty = "EC",
            Crv = curve,
            X = Base64UrlStrict.Encode(bytes[1..33]),
            Y = Base64UrlStrict.Encode(bytes[33..65]),
        };

        Assert.Equal(jwk.ComputeJwkThumbprint(), new IdentitySecurityKey(privateKey.PublicKey).ComputeJwkThumbprint());
    }

    [Fact]
    public void Constructor_PrivateKey_SetsStatusKeyIdAndOurFactory()
    {
        using var privateKey = PrivateKey.Generate(KeyType.Secp256k1);

        var signing = new IdentitySecurityKey(privateKey, "key-1");
        var verifying = new IdentitySecurityKey(privateKey.PublicKey);

        Assert.Equal(PrivateKeyStatus.Exists, signing.PrivateKeyStatus);
        Assert.Equal(PrivateKeyStatus.DoesNotExist, verifying.PrivateKeyStatus);
        Assert.Equal("key-1", signing.KeyId);
        Assert.Null(verifying.KeyId);
        Assert.Equal(256, signing.KeySize);
        Assert.Equal(KeyType.Secp256k1, signing.KeyType);
        Assert.Same(privateKey.PublicKey, signing.PublicKey);
        Assert.NotSame(CryptoProviderFactory.Default, signing.CryptoProviderFactory);
        Assert.Same(IdentityCryptoProvider.Instance, signing.CryptoProviderFactory.CustomCryptoProvider);
        Assert.Null(CryptoProviderFactory.Default.CustomCryptoProvider);
    }

    [Theory]
    [InlineData(KeyType.Secp256k1, "ES256K", true)]
    [InlineData(KeyType.Secp256k1, "ES256K-R", true)]
    [InlineData(KeyType.Secp256k1, "EdDSA", false)]
    [InlineData(KeyType.Secp256k1, "ES256", false)]
    [InlineData(KeyType.Ed25519, "EdDSA", true)]
    [InlineData(KeyType.Ed25519, "Ed25519", true)]
    [InlineData(KeyType.Ed25519, "ES256K", false)]
    [InlineData(KeyType.P256, "ES256", true)]
    [InlineData(KeyType.P256, "ES256K", false)]
    [InlineData(KeyType.P256, "RS256", false)]
    [InlineData(KeyType.P256, "none", false)]
    public void IsSupportedAlgorithm_AlgorithmAndCurve_TrueOnlyWhenTheyMatch(KeyType type, string algorithm, bool expected)
    {
        using var privateKey = PrivateKey.Generate(type);

        Assert.Equal(expected, new IdentitySecurityKey(privateKey).IsSupportedAlgorithm(algorithm));
        Assert.Equal(expected, new IdentitySecurityKey(privateKey.PublicKey).IsSupportedAlgorithm(algorithm));
    }

    [Fact]
    public void CreateSigningCredentials_PublicKeyOnly_ThrowsInvalidOperationException()
    {
        using var privateKey = PrivateKey.Generate(KeyType.Ed25519);

        var exception = Assert.Throws<InvalidOperationException>(() => new IdentitySecurityKey(privateKey.PublicKey).CreateSigningCredentials(SignatureAlgorithm.EdDSA));
        Assert.Contains("public key", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateSigningCredentials_AlgorithmOfAnotherCurve_ThrowsArgumentException()
    {
        using var privateKey = PrivateKey.Generate(KeyType.Ed25519);

        Assert.Throws<ArgumentException>(() => new IdentitySecurityKey(privateKey).CreateSigningCredentials(SignatureAlgorithm.ES256K));
    }

    [Fact]
    public void CreateSigningCredentials_MatchingAlgorithm_NamesJoseAlg()
    {
        using var privateKey = PrivateKey.Generate(KeyType.Secp256k1);
        var key = new IdentitySecurityKey(privateKey);

        var credentials = key.CreateSigningCredentials(SignatureAlgorithm.ES256KR);

        Assert.Equal("ES256K-R", credentials.Algorithm);
        Assert.Same(key, credentials.Key);
    }

    [Fact]
    public void ToString_ShowsNoKeyMaterial()
    {
        using var privateKey = PrivateKey.Import(KeyType.Secp256k1, Hex.Decode("278a5de700e29faae8e40e366ec5012b5ec63d36ec77e8a2417154cc1d25383f"));
        var key = new IdentitySecurityKey(privateKey, "kid-7");

        var text = key.ToString();

        Assert.Contains("kid-7", text, StringComparison.Ordinal);
        Assert.DoesNotContain("278a5de7", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Hex.Encode(privateKey.PublicKey.Bytes)[2..10], text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Base64UrlStrict.Encode(key.ComputeJwkThumbprint()), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new IdentitySecurityKey((PublicKey)null!));
        Assert.Throws<ArgumentNullException>(() => new IdentitySecurityKey((PrivateKey)null!));
    }

    [Fact]
    public void ComputeJwkThumbprint_SameKeyTwice_IsStableSha256()
    {
        using var privateKey = PrivateKey.Generate(KeyType.Ed25519);
        var key = new IdentitySecurityKey(privateKey.PublicKey);

        Assert.Equal(SHA256.HashSizeInBytes, key.ComputeJwkThumbprint().Length);
        Assert.Equal(key.ComputeJwkThumbprint(), new IdentitySecurityKey(privateKey).ComputeJwkThumbprint());
    }
}
