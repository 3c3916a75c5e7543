using System.Text.Json;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Encoding;

namespace Identity.Shared.Tests.Dids;

public sealed class VerificationMethodTests
{
    // secp256k1 generator point G (specs.md §1.2 errata: this JWK is correct).
    private const string GCompressed = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
    private const string GJwk = """{"kty":"EC","crv":"secp256k1","x":"eb5mfvncu6xVoGKVzocLBwKb_NstzijZWfKBWxb4F5g","y":"SDradyajxGVdpPv8DhEIqP0XtEimhVQZnEfQj_sQ1Lg"}""";

    private static VerificationMethod Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.True(VerificationMethod.TryParse(document.RootElement, out var method, out var error), error);
        return method;
    }

    private static string Method(string type, string material) =>
        $$"""{"id":"did:ex:1#k","type":"{{type}}","controller":"did:ex:1",{{material}}}""";

    public static TheoryData<string, KeyType, string> Keys => new()
    {
        // ethr-did-resolver v11 #controllerKey shape.
        { Method("EcdsaSecp256k1VerificationKey2019", $"\"publicKeyHex\":\"{GCompressed}\""), KeyType.Secp256k1, GCompressed },
        // ethr-did-resolver v14 #controllerKey shape.
        { Method("EcdsaSecp256k1VerificationKey2019", $"\"publicKeyJwk\":{GJwk}"), KeyType.Secp256k1, GCompressed },
        { Method("EcdsaSecp256k1RecoveryMethod2020", $"\"publicKeyHex\":\"{GCompressed}\""), KeyType.Secp256k1, GCompressed },
        { Method("JsonWebKey2020", $"\"publicKeyJwk\":{GJwk}"), KeyType.Secp256k1, GCompressed },
        // did:key spec vectors (ed25519-x25519.json, seed 0).
        { Method("Ed25519VerificationKey2018", "\"publicKeyBase58\":\"4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS\""), KeyType.Ed25519, "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29" },
        { Method("Ed25519VerificationKey2020", "\"publicKeyMultibase\":\"z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp\""), KeyType.Ed25519, "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29" },
        { Method("Multikey", "\"publicKeyMultibase\":\"z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp\""), KeyType.Ed25519, "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29" },
        { Method("Ed25519VerificationKey2018", "\"publicKeyBase64\":\"O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik=\""), KeyType.Ed25519, "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29" },
        // specs.md §1.2: Multikey secp256k1 0xe70102b97c…936b71.
        { Method("Multikey", "\"publicKeyMultibase\":\"zQ3shZtr1sUnrETvXPDa4gYSNE3gpJhdTkVmpYoWBuAiBsJ4G\""), KeyType.Secp256k1, "02b97c30de767f084ce3080168ee293053ba33b235d7116a3263d29f1450936b71" },
        // did:key nist-curves.json P-256 vector.
        { Method("Multikey", "\"publicKeyMultibase\":\"zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv\""), KeyType.P256, "03" },
        { Method("EcdsaSecp256r1VerificationKey2019", "\"publicKeyJwk\":{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"igrFmi0whuihKnj9R3Om1SoMph72wUGeFaBbzG2vzns\",\"y\":\"efsX5b10x8yjyrj4ny3pGfLcY7Xby1KzgqOdqnsrJIM\"}"), KeyType.P256, "03" },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void TryGetPublicKey_SupportedShape_GivesKey(string json, KeyType type, string compressedPrefix)
    {
        var method = Parse(json);
        Assert.True(method.TryGetPublicKey(out var key, out var error), error);
        Assert.Equal(type, key.Type);
        Assert.StartsWith(compressedPrefix, Hex.Encode(key.ToCompressed()), StringComparison.Ordinal);
    }

    [Fact]
    public void TryGetPublicKey_P256MultikeyAndJwkVector_SameKey()
    {
        Assert.True(Parse(Keys.ElementAt(9)[0]!.ToString()!).TryGetPublicKey(out var multikey));
        Assert.True(Parse(Keys.ElementAt(10)[0]!.ToString()!).TryGetPublicKey(out var jwk));
        Assert.Equal(multikey, jwk);
    }

    [Theory]
    [InlineData("EcdsaSecp256k1RecoveryMethod2020", "\"blockchainAccountId\":\"eip155:1:0xB9C5714089478a327F09197987f16f9E5d936E8a\"", "account")]
    [InlineData("X25519KeyAgreementKey2020", "\"publicKeyMultibase\":\"z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW\"", "not a signing key")]
    [InlineData("Multikey", "\"publicKeyMultibase\":\"z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW\"", "not a signing key")]
    [InlineData("JsonWebKey2020", "\"publicKeyJwk\":{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"3p7bfXt9wbTTW2HC7OQ1Nz-DQ8hbeGdNrfx-FG-IK08\"}", "not a signing key")]
    [InlineData("Ed25519VerificationKey2020", "\"publicKeyMultibase\":\"zQ3shZtr1sUnrETvXPDa4gYSNE3gpJhdTkVmpYoWBuAiBsJ4G\"", "requires Ed25519")]
    [InlineData("EcdsaSecp256k1VerificationKey2019", "\"publicKeyHex\":\"02b97c30\"", "not a valid Secp256k1")]
    [InlineData("EcdsaSecp256k1VerificationKey2019", "\"publicKeyHex\":\"zz\"", "not hexadecimal")]
    [InlineData("Ed25519VerificationKey2018", "\"publicKeyBase58\":\"0OIl\"", "not base58btc")]
    [InlineData("Ed25519VerificationKey2018", "\"publicKeyBase64\":\"O2onvM62pC1io6j*\"", "not base64")]
    [InlineData("Multikey", "\"publicKeyMultibase\":\"z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDoo\"", "publicKeyMultibase")]
    [InlineData("Multikey", "\"publicKeyMultibase\":\"xabc\"", "not multibase")]
    [InlineData("Multikey", "\"publicKeyHex\":\"02b97c30de767f084ce3080168ee293053ba33b235d7116a3263d29f1450936b71\"", "publicKeyJwk or publicKeyMultibase")]
    [InlineData("RsaVerificationKey2018", "\"publicKeyHex\":\"00\"", "Unsupported verification method type")]
    [InlineData("EcdsaSecp256k1VerificationKey2019", "\"publicKeyHex\":\"" + GCompressed + "\",\"publicKeyBase58\":\"abc\"", "more than one")]
    [InlineData("EcdsaSecp256k1VerificationKey2019", "\"id2\":1", "no public key material")]
    public void TryGetPublicKey_Unusable_FailsWithReason(string type, string material, string reason)
    {
        var method = Parse(Method(type, material));
        Assert.False(method.TryGetPublicKey(out var key, out var error));
        Assert.Null(key);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_PrivateJwk_Rejected()
    {
        using var document = JsonDocument.Parse(Method("JsonWebKey2020", "\"publicKeyJwk\":{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik\",\"d\":\"AAAA\"}"));
        Assert.False(VerificationMethod.TryParse(document.RootElement, out _, out var error));
        Assert.Contains("private", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"Multikey"}""")]
    [InlineData("""{"id":"#k"}""")]
    [InlineData("""{"id":1,"type":"Multikey"}""")]
    [InlineData("""{"id":"#k","type":"Multikey","publicKeyJwk":"x"}""")]
    [InlineData("[]")]
    public void TryParse_Malformed_FailsWithError(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.False(VerificationMethod.TryParse(document.RootElement, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void ToJson_UnknownMembers_KeptAfterKnownOnes()
    {
        var json = """{"id":"did:ex:1#k","type":"Multikey","controller":"did:ex:1","publicKeyMultibase":"z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp","expires":"2030-01-01T00:00:00Z","revoked":{"a":[1,2]}}""";
        Assert.Equal(json, Parse(json).ToJson());
    }

    [Fact]
    public void HasAccountOnly_RecoveryMethodWithAccount_True()
    {
        var method = Parse(Method("EcdsaSecp256k1RecoveryMethod2020", "\"blockchainAccountId\":\"eip155:1:0xB9C5714089478a327F09197987f16f9E5d936E8a\""));
        Assert.True(method.HasAccountOnly);
        Assert.False(Parse(Keys.ElementAt(0)[0]!.ToString()!).HasAccountOnly);
    }
}
