using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Dids.Ethr;
using Identity.Shared.Encoding;
using Identity.Shared.Ethereum;

namespace Identity.Shared.Tests.Dids.Ethr;

/// <summary>
/// The replay rules of ethr-did-resolver 11 (<c>wrapDidDocument</c>), checked without a chain: events are built by
/// hand, so every rule (counting, ordering, expiry, deactivation, versions, encodings) is pinned down on its own.
/// </summary>
public sealed class EthrDocumentBuilderTests
{
    private const long Now = 1_800_000_000;
    private const long Later = Now + 86_400;
    private const string Pem = "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----";
    private const string Did = "did:ethr:dev:0xb9c5714089478a327f09197987f16f9e5d936e8a";

    private static readonly EthereumAddress Identity = EthereumAddress.Parse("0xb9c5714089478a327f09197987f16f9e5d936e8a");
    private static readonly EthereumAddress DelegateA = EthereumAddress.Parse("0x1111111111111111111111111111111111111111");
    private static readonly EthereumAddress DelegateB = EthereumAddress.Parse("0x2222222222222222222222222222222222222222");
    private static readonly EthereumAddress DelegateC = EthereumAddress.Parse("0x3333333333333333333333333333333333333333");
    private static readonly byte[] KeyBytes = Hex.Decode("0x02b97c30de767f084ce3080168ee293053ba33b235d7116a3263d29f1450936b71");

    private ulong logIndex;

    [Fact]
    public void Build_NoHistory_DefaultDocument()
    {
        var state = Build([]);

        Assert.False(state.Deactivated);
        Assert.Equal(0UL, state.VersionId);
        Assert.Null(state.NextVersionId);
        Assert.Null(state.EarliestExpiry);
        var expected = JsonNode.Parse($$"""
            {
              "id": "{{Did}}",
              "verificationMethod": [{
                "id": "{{Did}}#controller",
                "type": "EcdsaSecp256k1RecoveryMethod2020",
                "controller": "{{Did}}",
                "blockchainAccountId": "eip155:31337:0xB9C5714089478a327F09197987f16f9E5d936E8a"
              }],
              "authentication": ["{{Did}}#controller"],
              "assertionMethod": ["{{Did}}#controller"]
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, state.Document), state.Document.ToJsonString());
    }

    [Fact]
    public void Build_PublicKeyForm_ControllerKeyOnlyWhileSelfOwned()
    {
        const string key = "0x0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
        var self = EthereumAddress.Parse("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");

        var initial = EthrDocumentBuilder.Build(Did, self, key, 1, [], null, Now).Document;
        var rotated = EthrDocumentBuilder.Build(Did, self, key, 1, [Owner(10, DelegateA)], null, Now).Document;
        var back = EthrDocumentBuilder.Build(Did, self, key, 1, [Owner(10, DelegateA), Owner(11, self)], null, Now).Document;

        Assert.Equal([Did + "#controller", Did + "#controllerKey"], Ids(initial, "verificationMethod"));
        Assert.Equal("EcdsaSecp256k1VerificationKey2019", initial["verificationMethod"]![1]!["type"]!.GetValue<string>());
        Assert.Equal(key[2..], initial["verificationMethod"]![1]!["publicKeyHex"]!.GetValue<string>());
        Assert.Equal([Did + "#controller", Did + "#controllerKey"], Refs(initial, "authentication"));
        Assert.Equal([Did + "#controller", Did + "#controllerKey"], Refs(initial, "assertionMethod"));

        Assert.Equal([Did + "#controller"], Ids(rotated, "verificationMethod"));
        Assert.Equal("eip155:1:" + DelegateA, rotated["verificationMethod"]![0]!["blockchainAccountId"]!.GetValue<string>());
        Assert.Equal([Did + "#controller"], Refs(rotated, "authentication"));

        Assert.Equal([Did + "#controller", Did + "#controllerKey"], Ids(back, "verificationMethod"));
    }

    [Fact]
    public void Build_MixedChanges_IdsCountEveryAdditionAndRevocation()
    {
        // The method spec's example: key, key, delegate, service, revoke key 1, delegate.
        var history = new RegistryEvent[]
        {
            Attribute(10, "did/pub/Secp256k1/veriKey/hex", KeyBytes, Later),
            Attribute(11, "did/pub/Ed25519/veriKey/base58", KeyBytes[1..], Later),
            Delegate(12, "veriKey", DelegateA, Later),
            Attribute(13, "did/svc/HubService", "https://hub.example.com"u8.ToArray(), Later),
            Attribute(14, "did/pub/Secp256k1/veriKey/hex", KeyBytes, 0),
            Delegate(15, "sigAuth", DelegateB, Later),
            Attribute(16, "did/svc/HubService", "https://hub.example.com"u8.ToArray(), 0),
            Attribute(17, "did/svc/Other", "https://other.example.com"u8.ToArray(), Later),
        };

        var document = Build(history).Document;

        Assert.Equal([Did + "#controller", Did + "#delegate-2", Did + "#delegate-3", Did + "#delegate-5"], Ids(document, "verificationMethod"));
        Assert.Equal([Did + "#controller", Did + "#delegate-5"], Refs(document, "authentication"));
        Assert.Equal([Did + "#controller", Did + "#delegate-2", Did + "#delegate-3", Did + "#delegate-5"], Refs(document, "assertionMethod"));
        Assert.Equal([Did + "#service-3"], Ids(document, "service"));
    }

    [Fact]
    public void Build_RevokedThenAddedAgain_MovesToTheEndWithANewId()
    {
        var history = new RegistryEvent[]
        {
            Delegate(10, "veriKey", DelegateA, Later),
            Delegate(11, "veriKey", DelegateB, Later),
            Delegate(12, "veriKey", DelegateA, Now - 5),
            Delegate(13, "veriKey", DelegateA, Later),
        };

        var document = Build(history).Document;

        Assert.Equal([Did + "#controller", Did + "#delegate-2", Did + "#delegate-4"], Ids(document, "verificationMethod"));
        Assert.Equal("eip155:31337:" + DelegateA, document["verificationMethod"]![2]!["blockchainAccountId"]!.GetValue<string>());
    }

    [Fact]
    public void Build_AddedAgainWithoutRevocation_KeepsItsPlaceAndTakesTheNewId()
    {
        // A JavaScript object keeps a key's position when it is assigned again; the entry's id is the newer one.
        var history = new RegistryEvent[]
        {
            Delegate(10, "veriKey", DelegateA, Later),
            Delegate(11, "veriKey", DelegateB, Later),
            Delegate(12, "veriKey", DelegateA, Later + 100),
        };

        var document = Build(history).Document;

        Assert.Equal([Did + "#controller", Did + "#delegate-3", Did + "#delegate-2"], Ids(document, "verificationMethod"));
        Assert.Equal([Did + "#controller", Did + "#delegate-3", Did + "#delegate-2"], Refs(document, "assertionMethod"));
    }

    [Fact]
    public void Build_SameDelegateDifferentType_SeparateEntries()
    {
        var history = new RegistryEvent[]
        {
            Delegate(10, "veriKey", DelegateA, Later),
            Delegate(11, "sigAuth", DelegateA, Later),
            Delegate(12, "veriKey", DelegateA, 0),
        };

        var document = Build(history).Document;

        Assert.Equal([Did + "#controller", Did + "#delegate-2"], Ids(document, "verificationMethod"));
        Assert.Equal([Did + "#controller", Did + "#delegate-2"], Refs(document, "authentication"));
    }

    [Theory]
    [InlineData(Now + 1, true)]
    [InlineData(Now, true)]       // validTo >= now: still valid at its last second (the contract's validDelegate says > now)
    [InlineData(Now - 1, false)]
    [InlineData(0, false)]
    public void Build_ValidToAgainstNow_IncludedFromNowOn(long validTo, bool included)
    {
        var history = new RegistryEvent[]
        {
            Delegate(10, "sigAuth", DelegateA, validTo),
            Attribute(11, "did/pub/Ed25519/veriKey/base64", KeyBytes[1..], validTo),
            Attribute(12, "did/svc/Hub", "https://hub.example.com"u8.ToArray(), validTo),
            Delegate(13, "veriKey", DelegateB, Later),
        };

        var state = Build(history);

        var expectedMethods = included
            ? new[] { Did + "#controller", Did + "#delegate-1", Did + "#delegate-2", Did + "#delegate-3" }
            : [Did + "#controller", Did + "#delegate-3"];
        Assert.Equal(expectedMethods, Ids(state.Document, "verificationMethod"));
        Assert.Equal(included ? [Did + "#service-1"] : Array.Empty<string>(), Ids(state.Document, "service"));
        Assert.Equal(included ? validTo : Later, state.EarliestExpiry);
    }

    [Fact]
    public void Build_ExpiredOrRevokedEntries_NotCountedInEarliestExpiry()
    {
        var history = new RegistryEvent[]
        {
            Delegate(10, "veriKey", DelegateA, Now + 50),
            Delegate(11, "veriKey", DelegateB, Now + 500),
            Delegate(12, "veriKey", DelegateA, Now - 1),
            Delegate(13, "veriKey", DelegateC, Now - 100),
        };

        Assert.Equal(Now + 500, Build(history).EarliestExpiry);
    }

    [Fact]
    public void Build_OwnerSetToZero_DeactivatedEmptyDocumentAndLaterChangesIgnored()
    {
        var history = new RegistryEvent[]
        {
            Delegate(10, "sigAuth", DelegateA, Later),
            Attribute(11, "did/svc/Hub", "https://hub.example.com"u8.ToArray(), Later),
            Owner(12, EthereumAddress.Zero),
            Delegate(13, "veriKey", DelegateB, Later),
        };

        var state = Build(history);

        Assert.True(state.Deactivated);
        Assert.Equal(12UL, state.VersionId);
        Assert.Null(state.EarliestExpiry);
        var expected = JsonNode.Parse($$"""{ "id": "{{Did}}", "verificationMethod": [], "authentication": [], "assertionMethod": [] }""");
        Assert.True(JsonNode.DeepEquals(expected, state.Document), state.Document.ToJsonString());
    }

    [Fact]
    public void Build_VersionLimit_LaterChangesSkippedAndNextVersionIdSet()
    {
        var history = new RegistryEvent[]
        {
            Delegate(10, "veriKey", DelegateA, Later),
            Delegate(12, "veriKey", DelegateB, Later),
            Delegate(12, "veriKey", DelegateC, Later),
            Delegate(15, "veriKey", DelegateA, 0),
            Delegate(20, "sigAuth", DelegateC, Later),
        };

        var atTen = Build(history, versionBlock: 10);
        var atThirteen = Build(history, versionBlock: 13);
        var beforeAll = Build(history, versionBlock: 9);
        var atEnd = Build(history, versionBlock: 20);

        Assert.Equal((10UL, (ulong?)12UL), (atTen.VersionId, atTen.NextVersionId));
        Assert.Equal([Did + "#controller", Did + "#delegate-1"], Ids(atTen.Document, "verificationMethod"));
        Assert.Equal((12UL, (ulong?)15UL), (atThirteen.VersionId, atThirteen.NextVersionId));
        Assert.Equal([Did + "#controller", Did + "#delegate-1", Did + "#delegate-2", Did + "#delegate-3"], Ids(atThirteen.Document, "verificationMethod"));
        Assert.Equal((0UL, (ulong?)10UL), (beforeAll.VersionId, beforeAll.NextVersionId));
        Assert.Equal([Did + "#controller"], Ids(beforeAll.Document, "verificationMethod"));
        Assert.Equal((20UL, (ulong?)null), (atEnd.VersionId, atEnd.NextVersionId));
    }

    [Theory]
    [InlineData("https://hub.example.com/.identity/", "\"https://hub.example.com/.identity/\"")]
    [InlineData("{\"uri\":\"https://msg.example.com\",\"accept\":[\"didcomm/v2\"]}", "{\"uri\":\"https://msg.example.com\",\"accept\":[\"didcomm/v2\"]}")]
    [InlineData("[\"https://a.example.com\",{\"uri\":\"https://b.example.com\"}]", "[\"https://a.example.com\",{\"uri\":\"https://b.example.com\"}]")]
    [InlineData("\"https://quoted.example.com\"", "\"https://quoted.example.com\"")]
    [InlineData("{not json", "\"{not json\"")]
    [InlineData("", "\"\"")]
    // Our documented divergence from ethr-did-resolver 11, which gives 42, true and null: DID Core allows only a
    // string, a map or a set as serviceEndpoint, so JSON scalars stay text.
    [InlineData("42", "\"42\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("null", "\"null\"")]
    public void Build_ServiceValue_JsonObjectOrArrayElseText(string value, string expectedEndpoint)
    {
        var document = Build([Attribute(10, "did/svc/Messaging", System.Text.Encoding.UTF8.GetBytes(value), Later)]).Document;

        var service = Assert.IsType<JsonObject>(Assert.Single(document["service"]!.AsArray()));
        Assert.Equal(Did + "#service-1", service["id"]!.GetValue<string>());
        Assert.Equal("Messaging", service["type"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedEndpoint), service["serviceEndpoint"]), service["serviceEndpoint"]?.ToJsonString());
    }

    [Fact]
    public void Build_NonUtf8Names_DroppedWithoutCounting()
    {
        // ethr-did-resolver's log decoder drops events whose bytes32 is not UTF-8 (non-DID uses of the registry).
        var history = new RegistryEvent[]
        {
            Delegate(10, null, DelegateA, Later),
            Attribute(11, null, KeyBytes, Later),
            Delegate(12, "veriKey", DelegateB, Later),
            Attribute(13, "did/svc/Hub", "https://hub.example.com"u8.ToArray(), Later),
            Attribute(14, null, KeyBytes, Later),
        };

        var state = Build(history);

        Assert.Equal([Did + "#controller", Did + "#delegate-1"], Ids(state.Document, "verificationMethod"));
        Assert.Equal([Did + "#service-1"], Ids(state.Document, "service"));
        Assert.Equal(13UL, state.VersionId);
    }

    [Fact]
    public void Build_NonUtf8ServiceOrPemValue_CountedButNotShown()
    {
        byte[] notUtf8 = [0xff, 0xfe, 0x80];
        var history = new RegistryEvent[]
        {
            Attribute(10, "did/svc/Hub", notUtf8, Later),
            Attribute(11, "did/svc/Hub", "https://hub.example.com"u8.ToArray(), Later),
            Attribute(12, "did/pub/RSA/veriKey/pem", notUtf8, Later),
            Delegate(13, "veriKey", DelegateA, Later),
        };

        var document = Build(history).Document;

        Assert.Equal([Did + "#service-2"], Ids(document, "service"));
        Assert.Equal([Did + "#controller", Did + "#delegate-2"], Ids(document, "verificationMethod"));
    }

    [Fact]
    public void Build_UnknownDelegateType_CountedButNotShown()
    {
        var history = new RegistryEvent[]
        {
            Delegate(10, "Secp256k1VerificationKey2018", DelegateA, Later),
            Delegate(11, "enc", DelegateB, Later),
            Delegate(12, "veriKey", DelegateC, Later),
        };

        var document = Build(history).Document;

        Assert.Equal([Did + "#controller", Did + "#delegate-3"], Ids(document, "verificationMethod"));
        Assert.Equal([Did + "#controller", Did + "#delegate-3"], Refs(document, "assertionMethod"));
        Assert.Equal([Did + "#controller"], Refs(document, "authentication"));
    }

    [Theory]
    [InlineData("not/a/did/attribute")]
    [InlineData("did/pub")]
    [InlineData("did/pub/Ed25519/veriKey/hex/extra")]
    [InlineData("did/pub/Ed-25519/veriKey")]
    [InlineData("did/other/Ed25519")]
    public void Build_AttributeNameOutsideTheScheme_IgnoredAndNotCounted(string name)
    {
        var history = new RegistryEvent[]
        {
            Attribute(10, name, KeyBytes, Later),
            Delegate(11, "veriKey", DelegateA, Later),
        };

        var document = Build(history).Document;

        Assert.Equal([Did + "#controller", Did + "#delegate-1"], Ids(document, "verificationMethod"));
        Assert.Null(document["service"]);
    }

    public static TheoryData<string, string, string, string> Encodings => new()
    {
        { "did/pub/Secp256k1/veriKey/hex", "EcdsaSecp256k1VerificationKey2019", "publicKeyHex", "02b97c30de767f084ce3080168ee293053ba33b235d7116a3263d29f1450936b71" },
        { "did/pub/Secp256k1/veriKey", "EcdsaSecp256k1VerificationKey2019", "publicKeyHex", "02b97c30de767f084ce3080168ee293053ba33b235d7116a3263d29f1450936b71" },
        { "did/pub/Secp256k1/sigAuth/base64", "EcdsaSecp256k1VerificationKey2019", "publicKeyBase64", "Arl8MN52fwhM4wgBaO4pMFO6M7I11xFqMmPSnxRQk2tx" },
        { "did/pub/Ed25519/veriKey/base58", "Ed25519VerificationKey2018", "publicKeyBase58", "owh12LKNuphe97teJTZKQTKNewSVTwjHcskPbq34epCY" },
        { "did/pub/Ed25519/sigAuth/hex", "Ed25519VerificationKey2018", "publicKeyHex", "02b97c30de767f084ce3080168ee293053ba33b235d7116a3263d29f1450936b71" },
        { "did/pub/X25519/enc/base64", "X25519KeyAgreementKey2019", "publicKeyBase64", "Arl8MN52fwhM4wgBaO4pMFO6M7I11xFqMmPSnxRQk2tx" },
        { "did/pub/RSA/veriKey/pem", "RSAVerificationKey2018", "publicKeyPem", Pem },
        { "did/pub/Secp256k1/enc/hex", "Secp256k1", "publicKeyHex", "02b97c30de767f084ce3080168ee293053ba33b235d7116a3263d29f1450936b71" },
        { "did/pub/Bls12381G2/veriKey/multibase", "Bls12381G2", "value", "02b97c30de767f084ce3080168ee293053ba33b235d7116a3263d29f1450936b71" },
        { "did/pub/Ed25519", "Ed25519", "publicKeyHex", "02b97c30de767f084ce3080168ee293053ba33b235d7116a3263d29f1450936b71" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Build_KeyAttribute_TypeAndPropertyPerAlgorithmAndHint(string name, string type, string property, string value)
    {
        var bytes = property == "publicKeyPem" ? System.Text.Encoding.UTF8.GetBytes(Pem) : KeyBytes;

        var document = Build([Attribute(10, name, bytes, Later)]).Document;

        var method = document["verificationMethod"]![1]!.AsObject();
        Assert.Equal(Did + "#delegate-1", method["id"]!.GetValue<string>());
        Assert.Equal(type, method["type"]!.GetValue<string>());
        Assert.Equal(Did, method["controller"]!.GetValue<string>());
        Assert.Equal(value, method[property]!.GetValue<string>());
        Assert.Equal(4, method.Count);
    }

    [Theory]
    [InlineData("did/pub/Secp256k1/veriKey/hex", false, true, false)]
    [InlineData("did/pub/Secp256k1/sigAuth/hex", true, true, false)]
    [InlineData("did/pub/X25519/enc/base58", false, false, true)]
    [InlineData("did/pub/Ed25519", false, true, false)]
    public void Build_KeyAttribute_RelationshipPerPurpose(string name, bool authentication, bool assertion, bool keyAgreement)
    {
        var document = Build([Attribute(10, name, KeyBytes, Later)]).Document;
        var id = Did + "#delegate-1";

        Assert.Equal(authentication, Refs(document, "authentication").Contains(id));
        Assert.Equal(assertion, Refs(document, "assertionMethod").Contains(id));
        Assert.Equal(keyAgreement, Refs(document, "keyAgreement").Contains(id));
        Assert.Equal(keyAgreement, document["keyAgreement"] is not null);
    }

    [Fact]
    public void Build_RevokedKeyAgreementKey_ReferenceStaysAsInEthrDidResolver()
    {
        // ethr-did-resolver 11 deletes a revoked key from every section but keyAgreement; parity keeps that quirk.
        var history = new RegistryEvent[]
        {
            Attribute(10, "did/pub/X25519/enc/base58", KeyBytes[1..], Later),
            Attribute(11, "did/pub/X25519/enc/base58", KeyBytes[1..], 0),
        };

        var state = Build(history);

        Assert.Equal([Did + "#controller"], Ids(state.Document, "verificationMethod"));
        Assert.Equal([Did + "#delegate-1"], Refs(state.Document, "keyAgreement"));
        Assert.Equal(Later, state.EarliestExpiry); // the reference goes away when the addition expires
        Assert.True(DidDocument.TryParse(JsonSerializer.SerializeToElement(state.Document), out _, out var error), error);
    }

    [Fact]
    public void Build_EventsInOneBlock_ReplayedInOrder()
    {
        var history = new RegistryEvent[]
        {
            Delegate(10, "veriKey", DelegateA, Later),
            Delegate(10, "veriKey", DelegateA, 0),
            Delegate(10, "veriKey", DelegateB, Later),
        };

        var state = Build(history);

        Assert.Equal([Did + "#controller", Did + "#delegate-3"], Ids(state.Document, "verificationMethod"));
        Assert.Equal(10UL, state.VersionId);
    }

    private static EthrDocumentState Build(IReadOnlyList<RegistryEvent> history, ulong? versionBlock = null) =>
        EthrDocumentBuilder.Build(Did, Identity, null, 31337, history, versionBlock, Now);

    private static string[] Ids(JsonObject document, string section) =>
        document[section] is JsonArray array ? [.. array.Select(entry => entry!["id"]!.GetValue<string>())] : [];

    private static string[] Refs(JsonObject document, string section) =>
        document[section] is JsonArray array ? [.. array.Select(entry => entry!.GetValue<string>())] : [];

    private DidDelegateChanged Delegate(ulong block, string? type, EthereumAddress delegateAddress, BigInteger validTo) => new()
    {
        Identity = Identity,
        PreviousChange = 0,
        BlockNumber = block,
        LogIndex = logIndex++,
        TransactionHash = "0x00",
        DelegateTypeBytes = type is null ? new byte[] { 0xff, 0xff } : System.Text.Encoding.UTF8.GetBytes(type),
        DelegateType = type,
        Delegate = delegateAddress,
        ValidTo = validTo,
    };

    private DidAttributeChanged Attribute(ulong block, string? name, byte[] value, BigInteger validTo) => new()
    {
        Identity = Identity,
        PreviousChange = 0,
        BlockNumber = block,
        LogIndex = logIndex++,
        TransactionHash = "0x00",
        NameBytes = name is null ? new byte[] { 0xc3, 0x28 } : System.Text.Encoding.UTF8.GetBytes(name),
        Name = name,
        Value = value,
        ValidTo = validTo,
    };

    private DidOwnerChanged Owner(ulong block, EthereumAddress owner) => new()
    {
        Identity = Identity,
        PreviousChange = 0,
        BlockNumber = block,
        LogIndex = logIndex++,
        TransactionHash = "0x00",
        Owner = owner,
    };
}
