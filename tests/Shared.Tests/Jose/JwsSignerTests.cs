using Identity.Shared.Crypto;
using Identity.Shared.Jose;
using static Identity.Shared.Tests.Jose.JwsTestTokens;

namespace Identity.Shared.Tests.Jose;

public sealed class JwsSignerTests
{
    [Fact]
    public void Sign_Rfc8037Example_GivesExactToken()
    {
        using var key = Rfc8037Key();
        var token = JwsSigner.Sign(null, "Example of Ed25519 signing"u8, key, SignatureAlgorithm.EdDSA);
        Assert.Equal(Rfc8037Jws, token);
    }

    [Fact]
    public void Sign_DidJwtCreateJwsVector_GivesExactToken()
    {
        // RFC 6979 + low-S on both sides: identical signing input gives identical bytes.
        using var key = DidJwtKey();
        var token = JwsSigner.Sign(JwsHeaderParameters.None, """{"some":"data"}"""u8, key, SignatureAlgorithm.ES256K);
        Assert.Equal(DidJwtCreateJws, token);
    }

    [Fact]
    public void Sign_AllHeaderParameters_WritesThemInFixedOrder()
    {
        using var key = Rfc8037Key();
        var jwk = Jwk.FromPublicKey(key.PublicKey);
        var token = JwsSigner.Sign(new JwsHeaderParameters { KeyId = "k", ContentType = "JWT", Type = "vc+jwt", Key = jwk }, "{}"u8, key, SignatureAlgorithm.EdDSA);

        var header = System.Text.Encoding.UTF8.GetString(Identity.Shared.Encoding.Base64UrlStrict.Decode(token.AsSpan(0, token.IndexOf('.'))));
        Assert.Equal($$$"""{"alg":"EdDSA","typ":"vc+jwt","cty":"JWT","kid":"k","jwk":{"kty":"OKP","crv":"Ed25519","x":"{{{Rfc8037X}}}"}}""", header);
    }

    [Fact]
    public void Sign_PrivateJwkInHeader_WritesOnlyPublicMembers()
    {
        using var key = Rfc8037Key();
        var token = JwsSigner.Sign(new JwsHeaderParameters { Key = Jwk.FromPrivateKey(key) }, "{}"u8, key, SignatureAlgorithm.EdDSA);

        Assert.DoesNotContain(Rfc8037D, System.Text.Encoding.UTF8.GetString(Identity.Shared.Encoding.Base64UrlStrict.Decode(token.AsSpan(0, token.IndexOf('.')))), StringComparison.Ordinal);
        Assert.True(JwsCompact.Parse(token).VerifyWithEmbeddedKey(out _));
    }

    [Fact]
    public void Sign_KeyOfWrongType_Throws()
    {
        using var key = Rfc8037Key();
        Assert.Throws<ArgumentException>(() => JwsSigner.Sign(null, "{}"u8, key, SignatureAlgorithm.ES256K));
    }

    [Fact]
    public async Task SignAsync_PrivateKeySigner_GivesTheSameTokenAsSign()
    {
        using var key = DidJwtKey();
        var signer = new PrivateKeySigner(key, SignatureAlgorithm.ES256K);
        var token = await JwsSigner.SignAsync(JwsHeaderParameters.None, """{"some":"data"}"""u8.ToArray(), signer);
        Assert.Equal(DidJwtCreateJws, token);
    }

    [Fact]
    public async Task SignAsync_SignerReturnsWrongLength_Throws()
    {
        using var key = Rfc8037Key();
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await JwsSigner.SignAsync(null, "{}"u8.ToArray(), new TruncatingSigner(key)));
    }

    [Fact]
    public void PrivateKeySigner_KeyOfWrongType_Throws()
    {
        using var key = Rfc8037Key();
        Assert.Throws<ArgumentException>(() => new PrivateKeySigner(key, SignatureAlgorithm.ES256K));
    }

    /// <summary>A plug-in that drops the last byte of every signature, as a broken HSM adapter might.</summary>
    private sealed class TruncatingSigner(PrivateKey key) : ISigner
    {
        public PublicKey PublicKey => key.PublicKey;

        public SignatureAlgorithm Algorithm => SignatureAlgorithm.EdDSA;

        public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Algorithm.Sign(key, data.Span)[..^1]);
    }
}
