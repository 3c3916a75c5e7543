using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Encoding;

namespace Identity.Shared.Tests.Dids;

public sealed class DidJwkResolverTests
{
    // quartzjer/did-jwk spec.md examples.
    private const string P256Did = "did:jwk:eyJjcnYiOiJQLTI1NiIsImt0eSI6IkVDIiwieCI6ImFjYklRaXVNczNpOF91c3pFakoydHBUdFJNNEVVM3l6OTFQSDZDZEgyVjAiLCJ5IjoiX0tjeUxqOXZXTXB0bm1LdG00NkdxRHo4d2Y3NEk1TEtncmwyR3pIM25TRSJ9";
    private const string X25519Did = "did:jwk:eyJrdHkiOiJPS1AiLCJjcnYiOiJYMjU1MTkiLCJ1c2UiOiJlbmMiLCJ4IjoiM3A3YmZYdDl3YlRUVzJIQzdPUTFOei1EUThoYmVHZE5yZngtRkctSUswOCJ9";

    private static readonly DidJwkResolver Resolver = new();

    private static string DidOf(string json) => "did:jwk:" + Base64UrlStrict.Encode(System.Text.Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Resolve_SpecP256Example_MatchesSpecDocument()
    {
        // The spec's example has a stray "$" in authentication (did:jwk:$eyJ…); the intended value is the DID + "#0".
        var vm = P256Did + "#0";
        var expected = $$$"""{"@context":["https://www.w3.org/ns/did/v1","https://w3id.org/security/suites/jws-2020/v1"],"id":"{{{P256Did}}}","verificationMethod":[{"id":"{{{vm}}}","type":"JsonWebKey2020","controller":"{{{P256Did}}}","publicKeyJwk":{"crv":"P-256","kty":"EC","x":"acbIQiuMs3i8_uszEjJ2tpTtRM4EU3yz91PH6CdH2V0","y":"_KcyLj9vWMptnmKtm46GqDz8wf74I5LKgrl2GzH3nSE"}}],"authentication":["{{{vm}}}"],"assertionMethod":["{{{vm}}}"],"keyAgreement":["{{{vm}}}"],"capabilityInvocation":["{{{vm}}}"],"capabilityDelegation":["{{{vm}}}"]}""";
        var result = Resolver.Resolve(Did.Parse(P256Did));
        Assert.True(result.IsSuccess, result.DidResolutionMetadata.Message);
        Assert.Equal(expected, result.DidDocument.ToJson());
        Assert.True(result.DidDocument.FindVerificationMethod("#0")!.TryGetPublicKey(out var key));
        Assert.Equal(KeyType.P256, key.Type);
    }

    [Fact]
    public void Resolve_SpecX25519Example_KeyAgreementOnly()
    {
        var vm = X25519Did + "#0";
        var expected = $$$"""{"@context":["https://www.w3.org/ns/did/v1","https://w3id.org/security/suites/jws-2020/v1"],"id":"{{{X25519Did}}}","verificationMethod":[{"id":"{{{vm}}}","type":"JsonWebKey2020","controller":"{{{X25519Did}}}","publicKeyJwk":{"kty":"OKP","crv":"X25519","use":"enc","x":"3p7bfXt9wbTTW2HC7OQ1Nz-DQ8hbeGdNrfx-FG-IK08"}}],"keyAgreement":["{{{vm}}}"]}""";
        var result = Resolver.Resolve(Did.Parse(X25519Did));
        Assert.Equal(expected, result.DidDocument!.ToJson());
    }

    [Fact]
    public void Resolve_UseSig_NoKeyAgreement()
    {
        var did = DidOf("""{"kty":"OKP","crv":"Ed25519","use":"sig","x":"O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik"}""");
        var document = Resolver.Resolve(Did.Parse(did)).DidDocument!;
        Assert.Null(document.KeyAgreement);
        Assert.Single(document.Authentication!);
    }

    [Fact]
    public void CreateDid_Secp256k1Key_RoundTripsThroughResolution()
    {
        using var privateKey = PrivateKey.Generate(KeyType.Secp256k1);
        var did = DidJwkResolver.CreateDid(Jwk.FromPublicKey(privateKey.PublicKey));
        var result = Resolver.Resolve(Did.Parse(did));
        Assert.True(result.IsSuccess, result.DidResolutionMetadata.Message);
        Assert.True(result.DidDocument.VerificationMethod![0].TryGetPublicKey(out var key));
        Assert.Equal(privateKey.PublicKey, key);
    }

    public static TheoryData<string> Hostile => new()
    {
        DidOf("""{"kty":"EC","crv":"P-256","x":"igrFmi0whuihKnj9R3Om1SoMph72wUGeFaBbzG2vzns","y":"efsX5b10x8yjyrj4ny3pGfLcY7Xby1KzgqOdqnsrJIM","d":"gPh-VvVS8MbvKQ9LSVVmfnxnKjHn4Tqj0bmbpehRlpc"}"""),
        DidOf("""{"kty":"oct","k":"c2VjcmV0"}"""),
        DidOf("""{"kty":"EC","crv":"P-256","x":"igrFmi0whuihKnj9R3Om1SoMph72wUGeFaBbzG2vzns","y":"AAAA5b10x8yjyrj4ny3pGfLcY7Xby1KzgqOdqnsrJIM"}"""), // not on the curve
        DidOf("""{"kty":"EC","crv":"P-256","x":"igrFmi0whuihKnj9R3Om1SoMph72wUGeFaBbzG2vzns","x":"fyNYMN0976ci7xqiSdag3buk-ZCwgXU4kz9XNkBlNUI","y":"efsX5b10x8yjyrj4ny3pGfLcY7Xby1KzgqOdqnsrJIM"}"""),
        DidOf("""{"kty":"OKP","crv":"Ed25519","use":"both","x":"O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik"}"""),
        DidOf("""{"kty":"OKP","crv":"X25519","x":"3p7b"}"""),
        DidOf("""{"crv":"Ed25519","x":"O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik"}"""),
        DidOf("""["kty"]"""),
        DidOf("not json"),
        P256Did + "=", // padded base64url is not the did:jwk encoding
        "did:jwk:eyJrdHkiOiJPS1AifQ", // {"kty":"OKP"} without crv
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Resolve_HostileInput_InvalidDid(string did)
    {
        DidResolutionResult result;
        if (Did.TryParse(did, out var parsed))
        {
            result = Resolver.Resolve(parsed);
        }
        else
        {
            // Not even a DID (e.g. '='): the dispatcher refuses it.
            result = await new DidResolver([Resolver]).ResolveAsync(did);
        }

        Assert.Equal(DidResolutionErrors.InvalidDid, result.DidResolutionMetadata.Error);
        Assert.False(string.IsNullOrEmpty(result.DidResolutionMetadata.Message));
    }
}
