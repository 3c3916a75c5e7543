using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Shared.Credentials;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;
using Identity.Shared.Jose;
using Identity.Shared.Verification;

namespace Identity.Shared.Tests.Credentials;

/// <summary>The VCDM 1.1 §6.3.1 mapping as did-jwt-vc 4.0.16 applies it; one test per rule, both directions.</summary>
public sealed class VcJwtTests
{
    // ---- encoding (transformCredentialInput) ----

    [Fact]
    public void ToClaims_IssuerObject_IdBecomesIssAndOtherMembersStayBesideVc()
    {
        var claims = VcJwt.ToClaims(VerifiableCredential.Create(CredentialSamples.V1()));

        Assert.Equal(CredentialSamples.Issuer, (string?)claims["iss"]);
        Assert.Equal("""{"name":"Example University"}""", claims["issuer"]!.ToJsonString());
    }

    [Fact]
    public void ToClaims_IssuerString_BecomesIssAndIsRemoved()
    {
        var json = CredentialSamples.V1();
        json["issuer"] = CredentialSamples.Issuer;

        var claims = VcJwt.ToClaims(VerifiableCredential.Create(json));

        Assert.Equal(CredentialSamples.Issuer, (string?)claims["iss"]);
        Assert.False(claims.ContainsKey("issuer"));
    }

    [Fact]
    public void ToClaims_SubjectId_BecomesSubAndLeavesTheSubject()
    {
        var claims = VcJwt.ToClaims(VerifiableCredential.Create(CredentialSamples.V1()));

        Assert.Equal(CredentialSamples.Subject, (string?)claims["sub"]);
        Assert.False(claims["vc"]!["credentialSubject"]!.AsObject().ContainsKey("id"));
        Assert.Equal("Example University", (string?)claims["vc"]!["credentialSubject"]!["alumniOf"]!["name"]);
    }

    [Fact]
    public void ToClaims_BearerCredential_HasNoSub()
    {
        var json = CredentialSamples.V1();
        json["credentialSubject"]!.AsObject().Remove("id");

        Assert.False(VcJwt.ToClaims(VerifiableCredential.Create(json)).ContainsKey("sub"));
    }

    [Fact]
    public void ToClaims_IssuanceDate_BecomesNbfFlooredToSeconds()
    {
        var json = CredentialSamples.V1();
        json["issuanceDate"] = "2010-01-01T19:23:24.999Z";

        var claims = VcJwt.ToClaims(VerifiableCredential.Create(json));

        Assert.Equal(1262373804L, (long)claims["nbf"]!);
        Assert.False(claims.ContainsKey("issuanceDate"));
    }

    [Fact]
    public void ToClaims_ExpirationDate_BecomesExp()
    {
        var claims = VcJwt.ToClaims(VerifiableCredential.Create(CredentialSamples.V1()));

        Assert.Equal(1893525804L, (long)claims["exp"]!);
        Assert.False(claims.ContainsKey("expirationDate"));
    }

    [Fact]
    public void ToClaims_Id_BecomesJti()
    {
        var claims = VcJwt.ToClaims(VerifiableCredential.Create(CredentialSamples.V1()));

        Assert.Equal("http://example.edu/credentials/1872", (string?)claims["jti"]);
        Assert.False(claims.ContainsKey("id"));
    }

    [Fact]
    public void ToClaims_ContextTypeSubjectAndAdditionalMembers_GoIntoVc()
    {
        var claims = VcJwt.ToClaims(VerifiableCredential.Create(CredentialSamples.V1()));

        Assert.Equal(
            ["@context", "type", "credentialSubject", "evidence", "termsOfUse", "refreshService", "credentialSchema", "credentialStatus"],
            claims["vc"]!.AsObject().Select(p => p.Key));
        foreach (var member in new[] { "@context", "type", "credentialSubject", "credentialStatus", "credentialSchema", "evidence", "termsOfUse", "refreshService" })
        {
            Assert.False(claims.ContainsKey(member), member);
        }
    }

    [Fact]
    public void ToClaims_UnknownMembers_StayAtTheTopLevelAsDidJwtVcKeepsThem()
    {
        var claims = VcJwt.ToClaims(VerifiableCredential.Create(CredentialSamples.V1()));

        Assert.Equal("Alumni credential", (string?)claims["name"]);
        Assert.True(claims.ContainsKey("x-custom"));
    }

    [Fact]
    public void ToClaims_NoIat_LikeDidJwtVc()
    {
        Assert.False(VcJwt.ToClaims(VerifiableCredential.Create(CredentialSamples.V1())).ContainsKey("iat"));
    }

    [Fact]
    public void ToClaims_SeveralSubjects_Throws()
    {
        var json = CredentialSamples.V1();
        json["credentialSubject"] = new JsonArray(new JsonObject { ["a"] = 1 }, new JsonObject { ["b"] = 2 });

        Assert.Throws<ArgumentException>(() => VcJwt.ToClaims(VerifiableCredential.Create(json)));
    }

    [Fact]
    public void ToClaims_V2Credential_Throws()
    {
        Assert.Throws<ArgumentException>(() => VcJwt.ToClaims(VerifiableCredential.Create(CredentialSamples.V2())));
    }

    [Fact]
    public void ToClaims_ExpiresAtDifferentFromExpirationDate_Throws()
    {
        var credential = VerifiableCredential.Create(CredentialSamples.V1());

        Assert.Throws<ArgumentException>(() => VcJwt.ToClaims(credential, new JwtSigningOptions { ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(5) }));
    }

    [Fact]
    public void ToClaims_Presentation_HolderIsIssAndCredentialsGoIntoVp()
    {
        var presentation = VerifiablePresentation.Create(DataModelVersion.V1_1, "did:example:holder", ["a.b.c"]);

        var claims = VcJwt.ToClaims(presentation, new JwtSigningOptions { Audience = ["https://verifier.example"], Nonce = "n-1" });

        Assert.Equal("did:example:holder", (string?)claims["iss"]);
        Assert.Equal("https://verifier.example", (string?)claims["aud"]);
        Assert.Equal("n-1", (string?)claims["nonce"]);
        Assert.Equal("""{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiablePresentation"],"verifiableCredential":["a.b.c"]}""", claims["vp"]!.ToJsonString());
        Assert.False(claims.ContainsKey("holder"));
    }

    // ---- decoding (normalizeCredential) ----

    [Fact]
    public void TryDecodeCredential_DidJwtVcVector_NormalizesAndRecoversTheIssuerKey()
    {
        Assert.True(VcJwt.TryDecodeCredential(CredentialSamples.DidJwtVcJwt, null, out var decoded, out var error), error?.Message);

        Assert.Equal(CredentialFormat.VcJwt, decoded.Format);
        Assert.Equal("did:ethr:0xf1232f840f3ad7d23fcdaa84d6c66dac24efb198", decoded.Issuer);
        Assert.Equal("did:ethr:0x435df3eda57154cf8cf7926079881f2912f54db4", decoded.Subject);
        Assert.Equal(["VerifiableCredential", "UniversityDegreeCredential"], decoded.Types);
        Assert.Equal("Baccalauréat en musiques numériques", decoded.Claims.GetProperty("degree").GetProperty("name").GetString());
        Assert.Equal("2019-07-12T16:51:22.000Z", decoded.Credential.Json.GetProperty("issuanceDate").GetString());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1566923269), decoded.IssuedAt);

        // iat is not consumed when nbf gives the issuance date, so it stays, as in normalizeCredential's output.
        Assert.Equal(1566923269, decoded.Credential.Json.GetProperty("iat").GetInt64());
        Assert.Equal("""{"id":"did:ethr:0xf1232f840f3ad7d23fcdaa84d6c66dac24efb198"}""", decoded.Credential.Issuer.Json.GetRawText());
        Assert.Contains(decoded.Jws.RecoverSignerCandidates(), key => key.ToEthereumAddress() == EthereumAddress.Parse("0xf1232f840f3ad7d23fcdaa84d6c66dac24efb198"));
    }

    [Fact]
    public void TryDecodePresentation_DidJwtVcVector_HolderIsIssAndCredentialIsTheJwt()
    {
        Assert.True(VcJwt.TryDecodePresentation(CredentialSamples.DidJwtVcPresentationJwt, null, out var decoded, out var error), error?.Message);

        Assert.Equal("did:ethr:0xF1232F840f3aD7d23FcDaA84d6C66dac24EFb198", decoded.Holder);
        Assert.Empty(decoded.Audience);
        Assert.Null(decoded.Nonce);
        Assert.Equal(CredentialSamples.DidJwtVcJwt, Assert.Single(decoded.Presentation.Credentials).Token);
    }

    [Theory]
    [InlineData("iat without nbf maps to issuanceDate", """{"iss":"did:example:i","iat":1562950282,"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":1}}}""", "issuanceDate", "2019-07-12T16:51:22.000Z")]
    [InlineData("sub maps to credentialSubject.id", """{"iss":"did:example:i","sub":"did:example:s","nbf":1562950282,"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":1}}}""", "credentialSubject", """{"a":1,"id":"did:example:s"}""")]
    [InlineData("jti maps to id", """{"iss":"did:example:i","jti":"urn:uuid:1","nbf":1562950282,"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":1}}}""", "id", "urn:uuid:1")]
    [InlineData("exp maps to expirationDate", """{"iss":"did:example:i","exp":1893525804,"nbf":1562950282,"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":1}}}""", "expirationDate", "2030-01-01T19:23:24.000Z")]
    [InlineData("iss maps to issuer object", """{"iss":"did:example:i","nbf":1562950282,"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":1}}}""", "issuer", """{"id":"did:example:i"}""")]
    [InlineData("issuer members beside vc merge with iss", """{"iss":"did:example:i","issuer":{"name":"N"},"nbf":1562950282,"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":1}}}""", "issuer", """{"id":"did:example:i","name":"N"}""")]
    [InlineData("contexts and types are united", """{"iss":"did:example:i","nbf":1562950282,"@context":"https://www.w3.org/2018/credentials/v1","type":"X","vc":{"@context":["https://www.w3.org/2018/credentials/v1","https://e.example/v1"],"type":["VerifiableCredential","X"],"credentialSubject":{"a":1}}}""", "type", """["X","VerifiableCredential"]""")]
    [InlineData("credentialStatus moves out of vc", """{"iss":"did:example:i","nbf":1562950282,"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":1},"credentialStatus":{"type":"T"}}}""", "credentialStatus", """{"type":"T"}""")]
    [InlineData("other vc members are lifted", """{"iss":"did:example:i","nbf":1562950282,"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":1},"name":"N"}}""", "name", "N")]
    [InlineData("unmapped claims stay", """{"iss":"did:example:i","nbf":1562950282,"aud":"x","vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":1}}}""", "aud", "x")]
    public void TryNormalizeCredential_MappingRule_GivesDidJwtVcsValue(string rule, string payload, string member, string expected)
    {
        Assert.True(VcJwt.TryNormalizeCredential(JsonDocument.Parse(payload).RootElement, out var credential, out var error), $"{rule}: {error?.Message}");

        var value = credential[member]!;
        Assert.Equal(expected, value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString());
        Assert.False(credential.ContainsKey("vc"), rule);
        Assert.True(VerifiableCredential.TryCreate(credential, out _, out error), $"{rule}: {error?.Message}");
    }

    [Theory]
    [InlineData("iss differs from issuer.id", """{"iss":"did:example:i","issuer":{"id":"did:example:other"},"nbf":1,"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":1}}}""", "iss and issuer.id differ")]
    [InlineData("iss differs from issuer in vc", """{"iss":"did:example:i","nbf":1,"vc":{"issuer":"did:example:other","@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":1}}}""", "iss and issuer differ")]
    [InlineData("sub differs from credentialSubject.id", """{"iss":"did:example:i","sub":"did:example:s","nbf":1,"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"id":"did:example:other"}}}""", "sub and credentialSubject.id differ")]
    [InlineData("jti differs from id", """{"iss":"did:example:i","jti":"urn:a","id":"urn:b","nbf":1,"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":1}}}""", "jti and the document's id differ")]
    [InlineData("nbf differs from issuanceDate", """{"iss":"did:example:i","nbf":1562950282,"issuanceDate":"2020-01-01T00:00:00Z","vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":1}}}""", "nbf and the document's issuanceDate differ")]
    [InlineData("exp differs from expirationDate", """{"iss":"did:example:i","nbf":1,"exp":1893525804,"expirationDate":"2031-01-01T00:00:00Z","vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":1}}}""", "exp and the document's expirationDate differ")]
    [InlineData("nbf in milliseconds", """{"iss":"did:example:i","nbf":1562950282000,"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":1}}}""", "nbf is not a unix timestamp in whole seconds")]
    [InlineData("nbf fractional", """{"iss":"did:example:i","nbf":1.5,"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":1}}}""", "nbf is not a unix timestamp")]
    [InlineData("several subjects", """{"iss":"did:example:i","nbf":1,"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":[{"a":1},{"b":1}]}}""", "several credential subjects")]
    [InlineData("no vc", """{"iss":"did:example:i","nbf":1}""", "no vc claim")]
    [InlineData("vc not an object", """{"iss":"did:example:i","vc":"x"}""", "no vc claim")]
    [InlineData("vp beside vc", """{"iss":"did:example:i","vp":{},"vc":{}}""", "has a vp claim")]
    [InlineData("iss not a string", """{"iss":5,"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":1}}}""", "iss is not a string")]
    [InlineData("lifted member collides", """{"iss":"did:example:i","name":"A","nbf":1,"vc":{"name":"B","@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":1}}}""", "appears both inside")]
    public void TryNormalizeCredential_DisagreeingOrBadClaims_IsMalformed(string rule, string payload, string message)
    {
        Assert.False(VcJwt.TryNormalizeCredential(JsonDocument.Parse(payload).RootElement, out _, out var error), rule);
        Assert.Equal(VerificationErrorCode.Malformed, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ES256K")]
    [InlineData("ES256K-R")]
    [InlineData("EdDSA")]
    [InlineData("ES256")]
    public void SignCredential_ThenDecode_GivesTheSameCredentialAndVerifies(string algorithmName)
    {
        Assert.True(SignatureAlgorithm.TryGet(algorithmName, out var algorithm));
        using var key = PrivateKey.Generate(algorithm.KeyType);
        var credential = VerifiableCredential.Create(CredentialSamples.V1());

        var token = VcJwt.SignCredential(credential, key, algorithm, new JwtSigningOptions { KeyId = CredentialSamples.Issuer + "#controller" });

        Assert.True(CredentialJwt.TryDecodeCredential(token, out var decoded, out var error), error?.Message);
        Assert.Equal(CredentialFormat.VcJwt, decoded.Format);
        Assert.Equal("JWT", decoded.Jws.Header.Type);
        Assert.Equal(CredentialSamples.Issuer + "#controller", decoded.Jws.Header.KeyId);
        Assert.True(decoded.Jws.Verify(key.PublicKey));
        Assert.Equal(credential.Issuer.Id, decoded.Issuer);
        Assert.Equal(credential.Subjects[0].Id, decoded.Subject);
        Assert.Equal(credential.IssuanceDate, decoded.Credential.IssuanceDate);
        Assert.Equal(credential.ExpirationDate, decoded.Credential.ExpirationDate);

        // Every member comes back (dates in did-jwt-vc's millisecond form), whatever the order.
        var expected = CredentialSamples.V1();
        expected["issuanceDate"] = "2010-01-01T19:23:24.000Z";
        expected["expirationDate"] = "2030-01-01T19:23:24.000Z";
        Assert.True(JsonNode.DeepEquals(Sorted(expected), Sorted(decoded.Credential.ToJsonObject())), decoded.Credential.ToJsonString());
    }

    [Fact]
    public void SignPresentation_ThenDecode_CarriesAudienceNonceAndCredentials()
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);
        var presentation = VerifiablePresentation.Create(DataModelVersion.V1_1, "did:example:holder", [CredentialSamples.DidJwtVcJwt]);

        var token = VcJwt.SignPresentation(presentation, key, SignatureAlgorithm.ES256K, new JwtSigningOptions
        {
            Audience = ["https://verifier.example", "did:example:verifier"],
            Nonce = "c0ffee",
            IssuedAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_300),
        });

        Assert.True(CredentialJwt.TryDecodePresentation(token, out var decoded, out var error), error?.Message);
        Assert.Equal(CredentialFormat.VcJwt, decoded.Format);
        Assert.Equal("did:example:holder", decoded.Holder);
        Assert.Equal(["https://verifier.example", "did:example:verifier"], decoded.Audience);
        Assert.Equal("c0ffee", decoded.Nonce);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_300), decoded.ExpiresAt);
        Assert.Equal(CredentialSamples.DidJwtVcJwt, Assert.Single(decoded.Presentation.Credentials).Token);
        Assert.True(decoded.Jws.Verify(key.PublicKey));
    }

    [Theory]
    [InlineData("typ vc+jwt with a vc claim", """{"alg":"ES256K","typ":"vc+jwt"}""", """{"iss":"did:example:i","nbf":1,"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":1}}}""", "typ of a VCDM 1.1 JWT")]
    [InlineData("2.0 context in a vc claim", """{"alg":"ES256K","typ":"JWT"}""", """{"iss":"did:example:i","nbf":1,"vc":{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"credentialSubject":{"a":1}}}""", "VCDM 1.1 credential")]
    [InlineData("no iss", """{"alg":"ES256K"}""", """{"issuer":"did:example:i","nbf":1,"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":1}}}""", "no iss claim")]
    [InlineData("no issuance date", """{"alg":"ES256K"}""", """{"iss":"did:example:i","vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":1}}}""", "no issuanceDate")]
    [InlineData("empty subject", """{"alg":"ES256K"}""", """{"iss":"did:example:i","nbf":1,"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{}}}""", "is empty")]
    public void TryDecodeCredential_BadToken_IsMalformedAndDoesNotThrow(string rule, string header, string payload, string message)
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);
        var token = Token(header, payload, key);

        Assert.False(CredentialJwt.TryDecodeCredential(token, out _, out var error), rule);
        Assert.Equal(VerificationErrorCode.Malformed, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJub25lIn0.e30.")]
    public void TryDecodeCredential_Garbage_FailsWithoutThrowing(string token)
    {
        Assert.False(CredentialJwt.TryDecodeCredential(token, out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void TryDecodePresentation_IssDiffersFromHolder_IsMalformed()
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);
        var token = Token("""{"alg":"ES256K","typ":"JWT"}""", """{"iss":"did:example:a","holder":"did:example:b","vp":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiablePresentation"]}}""", key);

        Assert.False(CredentialJwt.TryDecodePresentation(token, out _, out var error));
        Assert.Contains("iss and the presentation's holder differ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SignPresentation_HolderObject_RoundTrips()
    {
        using var key = PrivateKey.Generate(KeyType.Ed25519);
        var presentation = VerifiablePresentation.Create(new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1"),
            ["type"] = "VerifiablePresentation",
            ["holder"] = new JsonObject { ["id"] = "did:example:holder", ["name"] = "Patient" },
        });

        var token = VcJwt.SignPresentation(presentation, key, SignatureAlgorithm.EdDSA);

        Assert.True(CredentialJwt.TryDecodePresentation(token, out var decoded, out var error), error?.Message);
        Assert.Equal("did:example:holder", decoded.Holder);
        Assert.Equal("""{"id":"did:example:holder","name":"Patient"}""", decoded.Presentation.Holder!.Json.GetRawText());
    }

    [Theory]
    [InlineData("""{"vc":[]}""")]
    [InlineData("""{"vc":null}""")]
    [InlineData("""{"iss":"did:example:i","vc":{"@context":[null,{},7],"type":{},"credentialSubject":"x"}}""")]
    [InlineData("""{"iss":"did:example:i","nbf":1,"vc":{"@context":"https://www.w3.org/2018/credentials/v1","type":"VerifiableCredential","credentialSubject":{"id":5}}}""")]
    [InlineData("""{"iss":"did:example:i","nbf":1,"issuer":[],"vc":{"@context":"https://www.w3.org/2018/credentials/v1","type":"VerifiableCredential","credentialSubject":{"a":1}}}""")]
    [InlineData("""{"iss":"did:example:i","nbf":1,"issuanceDate":7,"vc":{"@context":"https://www.w3.org/2018/credentials/v1","type":"VerifiableCredential","credentialSubject":{"a":1}}}""")]
    [InlineData("""{"iss":"did:example:i","nbf":1,"credentialSubject":[1],"vc":{"@context":"https://www.w3.org/2018/credentials/v1","type":"VerifiableCredential","credentialSubject":{"a":1}}}""")]
    [InlineData("""{"iss":"did:example:i","nbf":1,"jti":{},"vc":{}}""")]
    [InlineData("""{"iss":"did:example:i","nbf":-1,"vc":{}}""")]
    [InlineData("""{"iss":"did:example:i","exp":1e400,"vc":{}}""")]
    [InlineData("""{"vp":{"verifiableCredential":{"a":[1]}},"iss":"did:example:h","aud":[1]}""")]
    [InlineData("""{"vp":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":"VerifiablePresentation","verifiableCredential":[null,"",{}]},"iss":"did:example:h"}""")]
    [InlineData("""{"@context":["https://www.w3.org/ns/credentials/v2"],"type":"VerifiableCredential","issuer":"did:example:i","credentialSubject":{"a":1},"iss":7}""")]
    [InlineData("""{"@context":["https://www.w3.org/ns/credentials/v2"],"type":"VerifiablePresentation","holder":{"id":[]},"nonce":5}""")]
    public void TryDecode_OddPayloads_FailWithMalformedAndNeverThrow(string payload)
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);
        var token = Token("""{"alg":"ES256K"}""", payload, key);

        Assert.False(CredentialJwt.TryDecodeCredential(token, out _, out var credentialError));
        Assert.False(CredentialJwt.TryDecodePresentation(token, out _, out var presentationError));
        Assert.Equal(VerificationErrorCode.Malformed, credentialError.Code);
        Assert.Equal(VerificationErrorCode.Malformed, presentationError.Code);
    }

    [Fact]
    public void TryCreate_ObjectNestedTooDeeply_IsMalformedNotAnException()
    {
        var json = CredentialSamples.V1();
        JsonNode deep = new JsonArray();
        for (var i = 0; i < 100; i++)
        {
            deep = new JsonArray(deep);
        }

        json["credentialSubject"]!["deep"] = deep;

        Assert.False(VerifiableCredential.TryCreate(json, out _, out var error));
        Assert.Equal(VerificationErrorCode.Malformed, error.Code);
    }

    internal static string Token(string header, string payload, PrivateKey key)
    {
        var input = Base64UrlStrict.Encode(System.Text.Encoding.UTF8.GetBytes(header)) + "." + Base64UrlStrict.Encode(System.Text.Encoding.UTF8.GetBytes(payload));
        var algorithm = SignatureAlgorithm.TryGet(JsonDocument.Parse(header).RootElement.GetProperty("alg").GetString(), out var a) ? a : SignatureAlgorithm.ES256K;
        return input + "." + Base64UrlStrict.Encode(algorithm.Sign(key, System.Text.Encoding.ASCII.GetBytes(input)));
    }

    internal static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
