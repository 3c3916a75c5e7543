using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Encoding;

namespace Identity.Shared.Tests.Dids;

public sealed class DidKeyResolverTests
{
    private static readonly DidKeyResolver Resolver = new();

    // w3c-ccg/did-method-key test-vectors/ed25519-x25519.json: DID, publicKeyBase58, derived X25519 key agreement id.
    public static TheoryData<string, string, string> Ed25519Vectors => new()
    {
        { "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", "4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS", "z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW" },
        { "did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG", "6ASf5EcmmEHTgDJ4X4ZT5vT6iHVJBXPg5AN5YoTCpGWt", "z6LSrHyXiPBhUbvPUtyUCdf32sniiMGPTAesgHrtEa4FePtr" },
        { "did:key:z6MknGc3ocHs3zdPiJbnaaqDi58NGb4pk1Sp9WxWufuXSdxf", "8pM1DN3RiT8vbom5u1sNryaNT1nyL8CTTW3b5PwWXRBH", "z6LSkkqoZRC34AEpbkhZCqLDcHQVAxuLpQ7kC8XCXMVUfvjE" },
        { "did:key:z6MkvqoYXQfDDJRv8L4wKzxYeuKyVZBfi9Qo6Ro8MiLH3kDQ", "HPYVwAQmskwT1qEEeRzhoomyfyupJGASQQtCXSNG8XS2", "z6LSiUo6AEDat8Ze4nQzDo67SGuHLLwsUGkxndHGUjsywHow" },
        { "did:key:z6MkwW6aqMnjgrhJXFUko3NnZPGzVpkNzhYK7yEhnsibmLwL", "J3qYF7YJMKCqQke47UQwiHizgFUXapHxRxKmxbkar89x", "z6LSrGb3qm4xMCEBjvwkLb2WEcXfTM94Tu1RyGCbT5wbg8i9" },
    };

    // test-vectors/secp256k1.json: DID and publicKeyBase58 (compressed point).
    public static TheoryData<string, string> Secp256k1Vectors => new()
    {
        { "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme", "23o6Sau8NxxzXcgSc3PLcNxrzrZpbLeBn1izfv3jbKhuv" },
        { "did:key:zQ3shtxV1FrJfhqE1dvxYRcCknWNjHc3c5X1y3ZSoPDi2aur2", "291KzQhqCPC18PqH83XKhxv1HdqrdnxyS7dh15t2uNRzJ" },
        { "did:key:zQ3shZc2QzApp2oymGvQbzP8eKheVshBHbU4ZYjeXqwSKEn6N", "oesQ92MLiAkt2pjBcJFbW7H4DvzKJv22cotjYbmC2JEe" },
        { "did:key:zQ3shadCps5JLAHcZiuX5YUtWHHL8ysBJqFLWvjZDKAWUBGzy", "pg3p1vprqePgUoqfAQ1TTgxhL6zLYhHyzooR1pqLxo9F" },
        { "did:key:zQ3shptjE6JwdkeKN4fcpnYQY3m9Cet3NiHdAfpvSUZBFoKBj", "24waDFAUAS16UpZwQQTXVEAmm17rQRjadjuAeBDW8aqL1" },
    };

    // test-vectors/nist-curves.json: P-256 DID and its JWK coordinates.
    public static TheoryData<string, string, string> P256Vectors => new()
    {
        { "did:key:zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv", "igrFmi0whuihKnj9R3Om1SoMph72wUGeFaBbzG2vzns", "efsX5b10x8yjyrj4ny3pGfLcY7Xby1KzgqOdqnsrJIM" },
        { "did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169", "fyNYMN0976ci7xqiSdag3buk-ZCwgXU4kz9XNkBlNUI", "hW2ojTNfH7Jbi8--CJUo3OCbH3y5n91g-IMA9MLMbTU" },
    };

    private static DidResolutionResult Resolve(string did, DidKeyResolver? resolver = null, string? accept = null) =>
        (resolver ?? Resolver).Resolve(Did.Parse(did), new DidResolutionOptions { Accept = accept });

    [Theory]
    [MemberData(nameof(Ed25519Vectors))]
    public void Resolve_Ed25519Vector_KeyAndDerivedKeyAgreementMatch(string did, string publicKeyBase58, string x25519)
    {
        var result = Resolve(did);
        Assert.True(result.IsSuccess, result.DidResolutionMetadata.Message);
        var document = result.DidDocument;
        var fragment = did["did:key:".Length..];
        var method = document.FindVerificationMethod("#" + fragment);
        Assert.NotNull(method);
        Assert.True(method.TryGetPublicKey(out var key));
        Assert.Equal(Base58.Decode(publicKeyBase58), key.Bytes.ToArray());
        Assert.Equal(did + "#" + x25519, Assert.Single(document.KeyAgreement!).Id);
        Assert.Equal(x25519, document.FindVerificationMethod("#" + x25519)!.PublicKeyMultibase);
        Assert.Equal(did, DidKeyResolver.CreateDid(key));
    }

    [Theory]
    [MemberData(nameof(Secp256k1Vectors))]
    public void Resolve_Secp256k1Vector_KeyMatches(string did, string publicKeyBase58)
    {
        var result = Resolve(did);
        Assert.True(result.IsSuccess, result.DidResolutionMetadata.Message);
        var method = Assert.Single(result.DidDocument.GetVerificationMethods(VerificationRelationship.AssertionMethod));
        Assert.True(method.TryGetPublicKey(out var key));
        Assert.Equal(Base58.Decode(publicKeyBase58), key.ToCompressed());
        Assert.Null(result.DidDocument.KeyAgreement);
        Assert.Equal(did, DidKeyResolver.CreateDid(key));
    }

    [Theory]
    [MemberData(nameof(P256Vectors))]
    public void Resolve_P256Vector_JwkMatches(string did, string x, string y)
    {
        var result = Resolve(did, new DidKeyResolver(new DidKeyOptions { PublicKeyFormat = VerificationMethodTypes.JsonWebKey2020 }));
        Assert.True(result.IsSuccess, result.DidResolutionMetadata.Message);
        var method = Assert.Single(result.DidDocument.VerificationMethod!);
        Assert.Equal($$"""{"kty":"EC","crv":"P-256","x":"{{x}}","y":"{{y}}"}""", method.PublicKeyJwk!.Value.GetRawText());
        Assert.True(method.TryGetPublicKey(out var key));
        Assert.Equal(KeyType.P256, key.Type);
    }

    [Fact]
    public void Resolve_DefaultOptions_GivesMultikeyDocument()
    {
        const string Did = "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme";
        const string Vm = Did + "#zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme";
        var result = Resolve(Did);
        Assert.Equal(
            $$$"""{"didResolutionMetadata":{"contentType":"application/did+ld+json"},"didDocument":{"@context":["https://www.w3.org/ns/did/v1","https://w3id.org/security/multikey/v1"],"id":"{{{Did}}}","verificationMethod":[{"id":"{{{Vm}}}","type":"Multikey","controller":"{{{Did}}}","publicKeyMultibase":"zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme"}],"authentication":["{{{Vm}}}"],"assertionMethod":["{{{Vm}}}"],"capabilityInvocation":["{{{Vm}}}"],"capabilityDelegation":["{{{Vm}}}"]},"didDocumentMetadata":{}}""",
            result.ToJson());
    }

    [Fact]
    public void Resolve_Ed25519VerificationKey2020Format_MatchesSpecExampleShape()
    {
        // The spec's Create example: did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK.
        var resolver = new DidKeyResolver(new DidKeyOptions { PublicKeyFormat = VerificationMethodTypes.Ed25519VerificationKey2020 });
        var document = Resolve("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", resolver).DidDocument!;
        Assert.Equal("""["https://www.w3.org/ns/did/v1","https://w3id.org/security/suites/ed25519-2020/v1","https://w3id.org/security/suites/x25519-2020/v1"]""", document.Context!.Value.GetRawText());
        var agreement = Assert.Single(document.GetVerificationMethods(VerificationRelationship.KeyAgreement));
        Assert.Equal("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6LSj72tK8brWgZja8NLRwPigth2T9QRiG1uH9oKZuKjdh9p", agreement.Id);
        Assert.Equal(VerificationMethodTypes.X25519KeyAgreementKey2020, agreement.Type);
        Assert.Equal(VerificationMethodTypes.Ed25519VerificationKey2020, document.VerificationMethod![0].Type);
    }

    [Fact]
    public void Resolve_X25519Did_KeyAgreementOnly()
    {
        var document = Resolve("did:key:z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW").DidDocument!;
        Assert.Null(document.Authentication);
        Assert.Single(document.KeyAgreement!);
        Assert.False(document.VerificationMethod![0].TryGetPublicKey(out _));
    }

    [Fact]
    public void Resolve_DidJsonAccept_OmitsContext()
    {
        var result = Resolve("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", accept: DidContentTypes.DidJson);
        Assert.Equal(DidContentTypes.DidJson, result.DidResolutionMetadata.ContentType);
        Assert.Null(result.DidDocument!.Context);
    }

    public static TheoryData<string, string> Hostile => new()
    {
        { "did:key:6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", DidResolutionErrors.InvalidDid }, // no multibase prefix
        { "did:key:uO2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik", DidResolutionErrors.InvalidDid }, // base64url multibase
        { "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooW0", DidResolutionErrors.InvalidDid }, // 0 not base58
        { "did:key:1:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", DidResolutionErrors.InvalidDid },
        { "did:key:z82Lm1MpAkeJcix9K8TMiLd5NMAhnwkjjCBeWHXyu3U4oT2MVJJKXkcVBgjGhnLBn2Kaau9", DidResolutionErrors.UnsupportedPublicKeyType }, // P-384
        { "did:key:" + Multibase.EncodeBase58Btc(Multicodec.AddPrefix(Multicodec.Ed25519Pub, Base58.Decode("4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS").AsSpan(0, 31))), DidResolutionErrors.InvalidPublicKeyLength }, // truncated key
        { "did:key:" + Multibase.EncodeBase58Btc(Multicodec.AddPrefix(Multicodec.Secp256k1Pub, Hex.Decode("02" + new string('f', 64)))), DidResolutionErrors.InvalidPublicKey },
        { "did:key:" + Multibase.EncodeBase58Btc(Multicodec.AddPrefix(Multicodec.Secp256k1Pub, new byte[65])), DidResolutionErrors.InvalidPublicKeyLength }, // uncompressed
        { "did:key:" + Multibase.EncodeBase58Btc(Hex.Decode("ed8100" + new string('1', 64))), DidResolutionErrors.InvalidDid }, // non-minimal varint
        { "did:key:z" + new string('z', 5000), DidResolutionErrors.InvalidDid }, // over the base58 limit
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Resolve_HostileInput_GivesErrorCode(string did, string error)
    {
        var result = Resolve(did);
        Assert.Equal(error, result.DidResolutionMetadata.Error);
        Assert.False(string.IsNullOrEmpty(result.DidResolutionMetadata.Message));
        Assert.Null(result.DidDocument);
    }

    [Fact]
    public void Resolve_UnsupportedAccept_RepresentationNotSupported() =>
        Assert.Equal(DidResolutionErrors.RepresentationNotSupported, Resolve("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", accept: "text/html").DidResolutionMetadata.Error);

    [Fact]
    public void Constructor_UnknownFormat_Throws() =>
        Assert.Throws<ArgumentException>(() => new DidKeyResolver(new DidKeyOptions { PublicKeyFormat = "RsaVerificationKey2018" }));
}
