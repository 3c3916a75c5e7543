using Identity.Shared.Crypto;
using Identity.Shared.Crypto.IdentityModel;
using Identity.Shared.Encoding;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Shared.Tests.Crypto.IdentityModel;

/// <summary>Our algorithms through Microsoft.IdentityModel's own JsonWebTokenHandler, end to end.</summary>
public sealed class IdentityCryptoProviderTests
{
    // Fixed instants: these tests are about signatures, and must not read the clock.
    private static readonly DateTime IssuedAt = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string> Algorithms => new(SignatureAlgorithm.All.Select(algorithm => algorithm.Name));

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task ValidateTokenAsync_TokenCreatedByJsonWebTokenHandler_IsValid(string name)
    {
        var algorithm = Get(name);
        using var privateKey = PrivateKey.Generate(algorithm.KeyType);
        var handler = new JsonWebTokenHandler();

        var token = handler.CreateToken(Descriptor(new IdentitySecurityKey(privateKey, "k1"), algorithm));
        var result = await handler.ValidateTokenAsync(token, Parameters(new IdentitySecurityKey(privateKey.PublicKey, "k1")));

        Assert.True(result.IsValid, result.Exception?.ToString());
        var jwt = Assert.IsType<JsonWebToken>(result.SecurityToken);
        Assert.Equal(name, jwt.Alg);
        Assert.Equal("k1", jwt.Kid);
        Assert.Equal("did:example:issuer", jwt.Issuer);
        Assert.Equal(algorithm.SignatureSize, Base64UrlStrict.Decode(jwt.EncodedSignature).Length);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task ValidateTokenAsync_PayloadTampered_IsInvalidSignature(string name)
    {
        var algorithm = Get(name);
        using var privateKey = PrivateKey.Generate(algorithm.KeyType);
        var handler = new JsonWebTokenHandler();
        var token = handler.CreateToken(Descriptor(new IdentitySecurityKey(privateKey, "k1"), algorithm));
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Base64UrlStrict.Decode(parts[1])).Replace("did:example:issuer", "did:example:mallory", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlStrict.Encode(System.Text.Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        var result = await handler.ValidateTokenAsync(tampered, Parameters(new IdentitySecurityKey(privateKey.PublicKey, "k1")));

        // With the kid matching, the library names the failure exactly (without a kid it says "key not found").
        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenInvalidSignatureException>(result.Exception);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task ValidateTokenAsync_SignatureTampered_IsInvalid(string name)
    {
        var algorithm = Get(name);
        using var privateKey = PrivateKey.Generate(algorithm.KeyType);
        var handler = new JsonWebTokenHandler();
        var token = handler.CreateToken(Descriptor(new IdentitySecurityKey(privateKey), algorithm));
        var parts = token.Split('.');
        var signature = Base64UrlStrict.Decode(parts[2]);
        signature[10] ^= 0x01;

        var result = await handler.ValidateTokenAsync($"{parts[0]}.{parts[1]}.{Base64UrlStrict.Encode(signature)}", Parameters(new IdentitySecurityKey(privateKey.PublicKey)));

        Assert.False(result.IsValid);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task ValidateTokenAsync_AnotherKeyOfSameCurve_IsInvalid(string name)
    {
        var algorithm = Get(name);
        using var signer = PrivateKey.Generate(algorithm.KeyType);
        using var other = PrivateKey.Generate(algorithm.KeyType);
        var handler = new JsonWebTokenHandler();
        var token = handler.CreateToken(Descriptor(new IdentitySecurityKey(signer, "k1"), algorithm));

        var result = await handler.ValidateTokenAsync(token, Parameters(new IdentitySecurityKey(other.PublicKey, "k1")));
        var withoutKid = await handler.ValidateTokenAsync(handler.CreateToken(Descriptor(new IdentitySecurityKey(signer), algorithm)), Parameters(new IdentitySecurityKey(other.PublicKey)));

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenInvalidSignatureException>(result.Exception);
        Assert.False(withoutKid.IsValid);
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(withoutKid.Exception);
    }

    [Fact]
    public async Task ValidateTokenAsync_KeyOfAnotherCurve_IsInvalid()
    {
        using var signer = PrivateKey.Generate(KeyType.Secp256k1);
        using var ed25519 = PrivateKey.Generate(KeyType.Ed25519);
        var handler = new JsonWebTokenHandler();
        var token = handler.CreateToken(Descriptor(new IdentitySecurityKey(signer), SignatureAlgorithm.ES256K));

        var result = await handler.ValidateTokenAsync(token, Parameters(new IdentitySecurityKey(ed25519.PublicKey)));

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task ValidateTokenAsync_DidJwtCreatedEs256KToken_IsValid()
    {
        // did-jwt's createJWS({some:"data"}) with its test key (specs Part II §A): a token written by the reference library.
        const string token = "eyJhbGciOiJFUzI1NksifQ.eyJzb21lIjoiZGF0YSJ9.dblNz-7BVLknOFIBPmt5VTG0MDls_Q69WI8OfQuqNdUp4y50-b8Ubn0xujm1ijfmfqRunpks5TyWqgMsQkR_GQ";
        var key = new IdentitySecurityKey(PublicKey.Import(KeyType.Secp256k1, Hex.Decode("03fdd57adec3d438ea237fe46b33ee1e016eda6b585c3e27ea66686c2ea5358479")));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Parameters(key));

        Assert.True(result.IsValid, result.Exception?.ToString());
        Assert.Equal("data", Assert.IsType<JsonWebToken>(result.SecurityToken).GetPayloadValue<string>("some"));
    }

    [Fact]
    public async Task ValidateTokenAsync_DidJwtCreatedEs256KRToken_IsValid()
    {
        // did-jwt 8.0.18 ES256KSigner(key, true) over {"some":"data"} (see Es256KRTests).
        const string token = "eyJhbGciOiJFUzI1NkstUiJ9.eyJzb21lIjoiZGF0YSJ9.KR0ve1zzUVe-iYei4B5ajqinRTpCJ8r5cKesFje0GyJWuPIAxwNY1qHkWuumD4zUNf53__dVn_hai3zdFtwu2wE";
        var key = new IdentitySecurityKey(PublicKey.Import(KeyType.Secp256k1, Hex.Decode("03fdd57adec3d438ea237fe46b33ee1e016eda6b585c3e27ea66686c2ea5358479")));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Parameters(key));

        Assert.True(result.IsValid, result.Exception?.ToString());
    }

    [Fact]
    public void CreateToken_Es256KWithDidJwtKey_SignsExactlyAsDidJwt()
    {
        // RFC 6979 makes the signature a function of key and signing input: the handler's bytes must match our signer's.
        using var privateKey = PrivateKey.Import(KeyType.Secp256k1, Hex.Decode("278a5de700e29faae8e40e366ec5012b5ec63d36ec77e8a2417154cc1d25383f"));
        var handler = new JsonWebTokenHandler();

        var token = handler.CreateToken("{\"some\":\"data\"}", new IdentitySecurityKey(privateKey).CreateSigningCredentials(SignatureAlgorithm.ES256K));
        var parts = token.Split('.');
        var expected = SignatureAlgorithm.ES256K.Sign(privateKey, System.Text.Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));

        Assert.Equal(Base64UrlStrict.Encode(expected), parts[2]);
    }

    [Fact]
    public void CreateToken_PublicKeyOnlyCredentials_ThrowsInvalidOperationException()
    {
        using var privateKey = PrivateKey.Generate(KeyType.Secp256k1);
        var credentials = new SigningCredentials(new IdentitySecurityKey(privateKey.PublicKey), "ES256K");

        Assert.Throws<InvalidOperationException>(() => new JsonWebTokenHandler().CreateToken("{}", credentials));
    }

    [Fact]
    public void DefaultFactory_Secp256k1Key_IsNotSupportedWithoutUs()
    {
        // The reason this provider exists: the library's factory knows no ES256K or EdDSA.
        using var privateKey = PrivateKey.Generate(KeyType.Secp256k1);
        var key = new IdentitySecurityKey(privateKey);

        Assert.False(CryptoProviderFactory.Default.IsSupportedAlgorithm("ES256K", key));
        Assert.True(IdentityCryptoProvider.CreateFactory().IsSupportedAlgorithm("ES256K", key));
    }

    [Fact]
    public void IsSupportedAlgorithm_ForeignKeyOrNoArguments_ReturnsFalse()
    {
        using var ecdsa = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var provider = IdentityCryptoProvider.Instance;

        Assert.False(provider.IsSupportedAlgorithm("ES256", new ECDsaSecurityKey(ecdsa)));
        Assert.False(provider.IsSupportedAlgorithm("ES256"));
        Assert.False(provider.IsSupportedAlgorithm("ES256", null!));
        Assert.False(provider.IsSupportedAlgorithm(null!, new object()));
        Assert.Throws<NotSupportedException>(() => provider.Create("ES256", new ECDsaSecurityKey(ecdsa)));
    }

    [Fact]
    public void CreateFactory_LibraryKeysStillWork()
    {
        // Our factory only adds: an ECDsaSecurityKey still gets the library's own ES256 provider.
        using var ecdsa = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var factory = IdentityCryptoProvider.CreateFactory();

        var provider = factory.CreateForSigning(new ECDsaSecurityKey(ecdsa), "ES256");
        try
        {
            Assert.IsType<AsymmetricSignatureProvider>(provider);
            Assert.True(provider.Verify("x"u8.ToArray(), provider.Sign("x"u8.ToArray())));
        }
        finally
        {
            factory.ReleaseSignatureProvider(provider);
        }
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void SignatureProvider_AllOverloads_AgreeAndRespectOffsets(string name)
    {
        var algorithm = Get(name);
        using var privateKey = PrivateKey.Generate(algorithm.KeyType);
        var key = new IdentitySecurityKey(privateKey);
        var provider = (SignatureProvider)IdentityCryptoProvider.Instance.Create(name, key, true);
        var framed = "--payload--"u8.ToArray();

        var fromOffsets = provider.Sign(framed, 2, 7);
        var destination = new byte[algorithm.SignatureSize + 8];
        Assert.True(provider.Sign(framed.AsSpan(2, 7), destination, out var written));
        Assert.False(provider.Sign(framed.AsSpan(2, 7), new byte[algorithm.SignatureSize - 1], out var none));

        Assert.True(provider.WillCreateSignatures);
        Assert.Equal(name, provider.Algorithm);
        Assert.Equal(algorithm.SignatureSize, written);
        Assert.Equal(0, none);
        Assert.True(provider.Verify("payload"u8.ToArray(), fromOffsets));
        Assert.True(provider.Verify("payload"u8.ToArray(), destination[..written]));
        Assert.True(provider.Verify(framed, 2, 7, [0, .. destination], 1, written));
        Assert.False(provider.Verify(framed, 2, 6, [0, .. destination], 1, written));
        Assert.False(provider.Verify(framed, 2, 7, [0, .. destination], 1, written - 1));
        IdentityCryptoProvider.Instance.Release(provider);
    }

    [Fact]
    public void Create_SigningWithPublicKeyOnly_ThrowsInvalidOperationException()
    {
        using var privateKey = PrivateKey.Generate(KeyType.Ed25519);
        var key = new IdentitySecurityKey(privateKey.PublicKey);

        Assert.True(IdentityCryptoProvider.Instance.IsSupportedAlgorithm("EdDSA", key, true));
        Assert.Throws<InvalidOperationException>(() => IdentityCryptoProvider.Instance.Create("EdDSA", key, true));
        Assert.IsAssignableFrom<SignatureProvider>(IdentityCryptoProvider.Instance.Create("EdDSA", key, false));
    }

    private static SecurityTokenDescriptor Descriptor(IdentitySecurityKey key, SignatureAlgorithm algorithm) => new()
    {
        Issuer = "did:example:issuer",
        Subject = new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", "did:example:subject")]),
        IssuedAt = IssuedAt,
        NotBefore = IssuedAt,
        Expires = IssuedAt.AddHours(1),
        SigningCredentials = key.CreateSigningCredentials(algorithm),
    };

    private static TokenValidationParameters Parameters(IdentitySecurityKey key) => new()
    {
        IssuerSigningKey = key,
        ValidateIssuer = false,
        ValidateAudience = false,
        ValidateLifetime = false,
        RequireExpirationTime = false,
    };

    private static SignatureAlgorithm Get(string name) =>
        SignatureAlgorithm.TryGet(name, out var algorithm) ? algorithm : throw new ArgumentOutOfRangeException(nameof(name));
}
