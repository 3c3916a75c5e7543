using Identity.Shared.Dids;

namespace Identity.Shared.Tests.Dids;

public sealed class DidDocumentTests
{
    // specs.md §1.2 address-form did:ethr document (v14 EIP-55 account), in this model's member order.
    private const string EthrDocument = """{"@context":["https://www.w3.org/ns/did/v1","https://w3id.org/security/suites/secp256k1recovery-2020/v2"],"id":"did:ethr:0xb9c5714089478a327f09197987f16f9e5d936e8a","verificationMethod":[{"id":"did:ethr:0xb9c5714089478a327f09197987f16f9e5d936e8a#controller","type":"EcdsaSecp256k1RecoveryMethod2020","controller":"did:ethr:0xb9c5714089478a327f09197987f16f9e5d936e8a","blockchainAccountId":"eip155:1:0xB9C5714089478a327F09197987f16f9E5d936E8a"}],"authentication":["did:ethr:0xb9c5714089478a327f09197987f16f9e5d936e8a#controller"],"assertionMethod":["did:ethr:0xb9c5714089478a327f09197987f16f9e5d936e8a#controller"]}""";

    private const string WildDocument = """
        {
          "id": "did:web:example.com",
          "@context": ["https://www.w3.org/ns/did/v1", {"@vocab": "https://example.com/#"}],
          "controller": "did:web:example.com",
          "verificationMethod": [
            {"id": "#key-1", "type": "Multikey", "controller": "did:web:example.com", "publicKeyMultibase": "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"}
          ],
          "authentication": ["#key-1", {"id": "did:web:example.com#key-2", "type": "Multikey", "controller": "did:web:example.com", "publicKeyMultibase": "zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv"}],
          "assertionMethod": ["did:web:example.com#key-1", "#missing"],
          "service": [
            {"id": "#linked", "type": "LinkedDomains", "serviceEndpoint": "https://example.com"},
            {"id": "#hub", "type": ["A", "B"], "serviceEndpoint": {"origins": ["https://a.example"]}, "note": 1}
          ],
          "custom": {"x": [1, 2]}
        }
        """;

    [Fact]
    public void ToJson_EthrDocument_RoundTripsByteForByte()
    {
        var document = DidDocument.Parse(EthrDocument);
        Assert.Equal(EthrDocument, document.ToJson());
        Assert.Null(document.Service);
        Assert.Null(document.KeyAgreement);
    }

    [Fact]
    public void ToJson_BuiltDocument_WritesFixedOrderAndOmitsAbsentMembers()
    {
        var did = "did:ethr:0xb9c5714089478a327f09197987f16f9e5d936e8a";
        var document = new DidDocument
        {
            Context = DidDocument.ContextOf("https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/secp256k1recovery-2020/v2"),
            Id = did,
            VerificationMethod =
            [
                new VerificationMethod { Id = did + "#controller", Type = VerificationMethodTypes.EcdsaSecp256k1RecoveryMethod2020, Controller = did, BlockchainAccountId = "eip155:1:0xB9C5714089478a327F09197987f16f9E5d936E8a" },
            ],
            AssertionMethod = [VerificationMethodReference.To(did + "#controller")],
            Authentication = [VerificationMethodReference.To(did + "#controller")],
        };
        Assert.Equal(EthrDocument, document.ToJson());
    }

    [Fact]
    public void ToJson_DeactivatedDocument_KeepsEmptyArrays()
    {
        var document = new DidDocument { Id = "did:ethr:0x1", VerificationMethod = [], Authentication = [], AssertionMethod = [] };
        Assert.Equal("""{"id":"did:ethr:0x1","verificationMethod":[],"authentication":[],"assertionMethod":[]}""", document.ToJson());
    }

    [Fact]
    public void TryParse_WildDocument_KeepsEverything()
    {
        Assert.True(DidDocument.TryParse(WildDocument, out var document, out var error), error);
        var json = document.ToJson();
        Assert.StartsWith("""{"@context":["https://www.w3.org/ns/did/v1",{"@vocab":"https://example.com/#"}],"id":"did:web:example.com","controller":"did:web:example.com",""", json, StringComparison.Ordinal);
        Assert.Contains("""{"id":"#hub","type":["A","B"],"serviceEndpoint":{"origins":["https://a.example"]},"note":1}""", json, StringComparison.Ordinal);
        Assert.EndsWith(""","custom":{"x":[1,2]}}""", json, StringComparison.Ordinal);
        Assert.Equal("LinkedDomains", document.Service![0].Type);
        Assert.Equal(json, DidDocument.Parse(json).ToJson());
    }

    [Theory]
    [InlineData("#key-1")]
    [InlineData("key-1")]
    [InlineData("did:web:example.com#key-1")]
    public void FindVerificationMethod_RelativeOrAbsolute_FindsRelativeId(string reference)
    {
        var document = DidDocument.Parse(WildDocument);
        Assert.Equal("#key-1", document.FindVerificationMethod(reference)?.Id);
    }

    [Fact]
    public void FindVerificationMethod_EmbeddedInRelationship_Found()
    {
        var document = DidDocument.Parse(WildDocument);
        Assert.Equal("Multikey", document.FindVerificationMethod("#key-2")?.Type);
        Assert.Null(document.FindVerificationMethod("#nope"));
    }

    [Fact]
    public void GetVerificationMethods_ReferencesAndEmbedded_ResolvedInOrderSkippingMissing()
    {
        var document = DidDocument.Parse(WildDocument);
        Assert.Equal(["#key-1", "did:web:example.com#key-2"], document.GetVerificationMethods(VerificationRelationship.Authentication).Select(m => m.Id));
        Assert.Equal(["#key-1"], document.GetVerificationMethods(VerificationRelationship.AssertionMethod).Select(m => m.Id));
        Assert.Empty(document.GetVerificationMethods(VerificationRelationship.KeyAgreement));
        Assert.True(document.IsAuthorized("did:web:example.com#key-1", VerificationRelationship.AssertionMethod));
        Assert.True(document.IsAuthorized("#key-2", VerificationRelationship.Authentication));
        Assert.False(document.IsAuthorized("#key-2", VerificationRelationship.AssertionMethod));
    }

    [Theory]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("""{"verificationMethod":[]}""", "needs an id")]
    [InlineData("""{"id":"not-a-did"}""", "not a DID")]
    [InlineData("""{"id":"did:ex:1","verificationMethod":{}}""", "must be an array")]
    [InlineData("""{"id":"did:ex:1","authentication":[1]}""", "authentication")]
    [InlineData("""{"id":"did:ex:1","controller":[1]}""", "controller")]
    [InlineData("""{"id":"did:ex:1","service":[{"id":"#s","type":"X"}]}""", "serviceEndpoint")]
    [InlineData("""{"id":"did:ex:1","service":[{"id":"#s","type":"X","serviceEndpoint":5}]}""", "serviceEndpoint")]
    [InlineData("""{"id":"did:ex:1","verificationMethod":[{"id":"#k","type":"JsonWebKey2020","publicKeyJwk":{"kty":"EC","d":"x"}}]}""", "private")]
    [InlineData("{", "not valid JSON")]
    public void TryParse_Malformed_FailsWithReason(string json, string reason)
    {
        Assert.False(DidDocument.TryParse(json, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_DeeplyNested_FailsWithoutException()
    {
        var json = """{"id":"did:ex:1","x":""" + new string('[', 200) + new string(']', 200) + "}";
        Assert.False(DidDocument.TryParse(json, out _, out _));
    }
}
