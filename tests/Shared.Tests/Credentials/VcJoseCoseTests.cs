using System.Text.Json.Nodes;
using Identity.Shared.Credentials;
using Identity.Shared.Crypto;
using Identity.Shared.Verification;

namespace Identity.Shared.Tests.Credentials;

public sealed class VcJoseCoseTests
{
    private const string KeyId = "did:example:76e12ec712ebc6f1c221ebfeb1f#controller";

    [Theory]
    [InlineData("ES256K")]
    [InlineData("ES256K-R")]
    [InlineData("EdDSA")]
    [InlineData("ES256")]
    public void SignCredential_ThenDecode_PayloadIsTheCredential(string algorithmName)
    {
        Assert.True(SignatureAlgorithm.TryGet(algorithmName, out var algorithm));
        using var key = PrivateKey.Generate(algorithm.KeyType);
        var credential = VerifiableCredential.Create(CredentialSamples.V2());

        var token = VcJoseCose.SignCredential(credential, key, algorithm, new JwtSigningOptions { KeyId = KeyId });

        Assert.True(CredentialJwt.TryDecodeCredential(token, out var decoded, out var error), error?.Message);
        Assert.Equal(CredentialFormat.VcJoseCose, decoded.Format);
        Assert.Equal("vc+jwt", decoded.Jws.Header.Type);
        Assert.Equal("vc", decoded.Jws.Header.ContentType);
        Assert.Equal(KeyId, decoded.Jws.Header.KeyId);
        Assert.Equal(credential.ToJsonString(), decoded.Credential.ToJsonString());
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(credential.ToJsonString()), decoded.Jws.PayloadBytes.ToArray());
        Assert.True(decoded.Jws.Verify(key.PublicKey));
    }

    [Fact]
    public void SignCredential_WithTokenLifetime_AddsIatAndExpOnly()
    {
        using var key = PrivateKey.Generate(KeyType.Ed25519);
        var token = VcJoseCose.SignCredential(VerifiableCredential.Create(CredentialSamples.V2()), key, SignatureAlgorithm.EdDSA, new JwtSigningOptions
        {
            IssuedAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(1_700_086_400),
        });

        Assert.True(VcJoseCose.TryDecodeCredential(token, null, out var decoded, out var error), error?.Message);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), decoded.IssuedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_086_400), decoded.ExpiresAt);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), decoded.Credential.ValidUntil);
    }

    [Fact]
    public void SignCredential_V1Credential_Throws()
    {
        using var key = PrivateKey.Generate(KeyType.Ed25519);

        Assert.Throws<ArgumentException>(() => VcJoseCose.SignCredential(VerifiableCredential.Create(CredentialSamples.V1()), key, SignatureAlgorithm.EdDSA));
    }

    [Fact]
    public void SignPresentation_EnvelopedCredentials_DecodeBackToTheTokens()
    {
        using var issuerKey = PrivateKey.Generate(KeyType.Secp256k1);
        using var holderKey = PrivateKey.Generate(KeyType.Ed25519);
        var credentialToken = VcJoseCose.SignCredential(VerifiableCredential.Create(CredentialSamples.V2()), issuerKey, SignatureAlgorithm.ES256K, new JwtSigningOptions { KeyId = KeyId });
        var presentation = VerifiablePresentation.Create(DataModelVersion.V2_0, CredentialSamples.Subject, [credentialToken]);

        var token = VcJoseCose.SignPresentation(presentation, holderKey, SignatureAlgorithm.EdDSA, new JwtSigningOptions
        {
            KeyId = CredentialSamples.Subject + "#key-1",
            Audience = ["https://verifier.example"],
            Nonce = "n-0S6_WzA2Mj",
        });

        Assert.True(CredentialJwt.TryDecodePresentation(token, out var decoded, out var error), error?.Message);
        Assert.Equal(CredentialFormat.VcJoseCose, decoded.Format);
        Assert.Equal("vp+jwt", decoded.Jws.Header.Type);
        Assert.Equal(CredentialSamples.Subject, decoded.Holder);
        Assert.Equal(["https://verifier.example"], decoded.Audience);
        Assert.Equal("n-0S6_WzA2Mj", decoded.Nonce);
        var inner = Assert.Single(decoded.Presentation.Credentials);
        Assert.Equal(PresentedCredentialKind.Enveloped, inner.Kind);
        Assert.Equal(credentialToken, inner.Token);
        Assert.True(CredentialJwt.TryDecodeCredential(inner.Token, out var innerDecoded, out error), error?.Message);
        Assert.True(innerDecoded.Jws.Verify(issuerKey.PublicKey));
        Assert.True(decoded.Jws.Verify(holderKey.PublicKey));
    }

    [Theory]
    [InlineData("typ application/vc+jwt is allowed", """{"alg":"ES256K","typ":"application/vc+jwt"}""", null)]
    [InlineData("typ vp+jwt for a credential", """{"alg":"ES256K","typ":"vp+jwt"}""", "typ is not vc+jwt")]
    [InlineData("cty vp for a credential", """{"alg":"ES256K","typ":"vc+jwt","cty":"vp"}""", "cty is not vc")]
    public void TryDecodeCredential_HeaderRules(string rule, string header, string? message)
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);
        var token = VcJwtTests.Token(header, VerifiableCredential.Create(CredentialSamples.V2()).ToJsonString(), key);

        var ok = CredentialJwt.TryDecodeCredential(token, out _, out var error);

        Assert.True(message is null == ok, rule);
        if (message is not null)
        {
            Assert.Equal(VerificationErrorCode.Malformed, error!.Code);
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("iss equal to issuer.id", "iss", "did:example:76e12ec712ebc6f1c221ebfeb1f", null)]
    [InlineData("iss differs from issuer.id", "iss", "did:example:attacker", "iss does not equal the document's issuer")]
    [InlineData("jti differs from id", "jti", "urn:uuid:other", "jti does not equal the document's id")]
    [InlineData("sub names no subject", "sub", "did:example:other", "sub is not the id of a credentialSubject")]
    [InlineData("vp claim present", "vp", "x", "must not have a vc or vp claim")]
    [InlineData("exp in milliseconds", "exp", null, "exp is not a unix timestamp")]
    public void TryDecodeCredential_RegisteredClaimRules(string rule, string claim, string? value, string? message)
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);
        var payload = CredentialSamples.V2();
        payload[claim] = value is null ? JsonValue.Create(1_893_456_000_000L) : JsonValue.Create(value);
        var token = VcJwtTests.Token("""{"alg":"ES256K","typ":"vc+jwt"}""", payload.ToJsonString(), key);

        var ok = CredentialJwt.TryDecodeCredential(token, out _, out var error);

        Assert.True(message is null == ok, $"{rule}: {error?.Message}");
        if (message is not null)
        {
            Assert.Contains(message, error!.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TryDecodeCredential_V1CredentialWithoutVcClaim_IsMalformed()
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);
        var token = VcJwtTests.Token("""{"alg":"ES256K","typ":"vc+jwt"}""", CredentialSamples.V1().ToJsonString(), key);

        Assert.False(CredentialJwt.TryDecodeCredential(token, out _, out var error));
        Assert.Contains("VCDM 2.0 credential", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecodePresentation_BareJwtInA2Presentation_IsMalformed()
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);
        var payload = """{"@context":["https://www.w3.org/ns/credentials/v2"],"type":"VerifiablePresentation","holder":"did:example:h","verifiableCredential":["a.b.c"]}""";

        Assert.False(CredentialJwt.TryDecodePresentation(VcJwtTests.Token("""{"alg":"ES256K","typ":"vp+jwt"}""", payload, key), out _, out var error));
        Assert.Contains("EnvelopedVerifiableCredential", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecodePresentation_NoHolderNorIss_IsMalformed()
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);
        var payload = """{"@context":["https://www.w3.org/ns/credentials/v2"],"type":"VerifiablePresentation"}""";

        Assert.False(CredentialJwt.TryDecodePresentation(VcJwtTests.Token("""{"alg":"ES256K","typ":"vp+jwt"}""", payload, key), out _, out var error));
        Assert.Contains("names no holder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateEnvelopedCredential_FollowsVcJoseCose()
    {
        Assert.Equal(
            """{"@context":["https://www.w3.org/ns/credentials/v2"],"id":"data:application/vc+jwt,h.p.s","type":"EnvelopedVerifiableCredential"}""",
            VcJoseCose.CreateEnvelopedCredential("h.p.s").ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}
