using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Identity.Shared.Credentials;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;
using Identity.TestSupport;

namespace Identity.Interop.Tests.Credentials;

/// <summary>
/// did-jwt-vc 4.0.16 (tests/node/vc-interop.mjs) verifies the VC-JWTs and VP-JWTs made here, and makes some we must
/// decode to what its own normalizeCredential gives. DID documents are built here and served by the script's resolver:
/// did:ethr-shaped (#controller with a CAIP-10 blockchainAccountId) for secp256k1, publicKeyJwk for Ed25519 and P-256.
/// </summary>
public sealed class VcInteropTests
{
    private const string Audience = "https://verifier.example";

    public static TheoryData<string> Algorithms => new() { "ES256K", "ES256K-R", "EdDSA", "ES256" };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task DidJwtVcVerifyCredential_IssuedHere_VerifiesAndNormalizesToOurCredential(string algorithmName)
    {
        using var issuer = new Party(algorithmName);
        using var stranger = new Party(algorithmName);
        var credential = VerifiableCredential.Create(Credential(issuer.Did));
        var token = VcJwt.SignCredential(credential, issuer.Key, issuer.Algorithm, new JwtSigningOptions { KeyId = issuer.KeyId });
        Assert.True(CredentialJwt.TryDecodeCredential(token, out var decoded, out var error), error?.Message);

        // The second request serves a document with another key under the issuer's DID: it must fail.
        var results = await RunAsync(
            new JsonObject { ["op"] = "verifyCredential", ["jwt"] = token, ["didDocuments"] = Documents(issuer) },
            new JsonObject { ["op"] = "verifyCredential", ["jwt"] = token, ["didDocuments"] = Documents(stranger.DocumentFor(issuer.Did)) });

        Assert.True(Verified(results[0]), results[0]!.ToJsonString());
        Assert.Equal(issuer.Did, (string?)results[0]!["issuer"]);
        Assert.Equal(issuer.KeyId, (string?)results[0]!["signer"]);
        AssertSameJson(results[0]!["credential"], decoded.Credential.ToJsonObject());
        Assert.False(Verified(results[1]));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task DidJwtVcVerifyPresentation_PresentedHere_VerifiesWithChallengeAndDomain(string algorithmName)
    {
        using var issuer = new Party("ES256K");
        using var holder = new Party(algorithmName);
        var credentialToken = VcJwt.SignCredential(VerifiableCredential.Create(Credential(issuer.Did, holder.Did)), issuer.Key, issuer.Algorithm, new JwtSigningOptions { KeyId = issuer.KeyId });
        var presentation = VerifiablePresentation.Create(DataModelVersion.V1_1, holder.Did, [credentialToken]);
        var token = VcJwt.SignPresentation(presentation, holder.Key, holder.Algorithm, new JwtSigningOptions { KeyId = holder.KeyId, Audience = [Audience], Nonce = "n-8d1e" });

        var results = await RunAsync(
            new JsonObject { ["op"] = "verifyPresentation", ["jwt"] = token, ["didDocuments"] = Documents(holder, issuer), ["challenge"] = "n-8d1e", ["domain"] = Audience },
            new JsonObject { ["op"] = "verifyPresentation", ["jwt"] = token, ["didDocuments"] = Documents(holder, issuer), ["challenge"] = "other", ["domain"] = Audience },
            new JsonObject { ["op"] = "verifyPresentation", ["jwt"] = token, ["didDocuments"] = Documents(holder, issuer), ["challenge"] = "n-8d1e", ["domain"] = "https://elsewhere.example" },
            new JsonObject { ["op"] = "verifyCredential", ["jwt"] = credentialToken, ["didDocuments"] = Documents(issuer) });

        Assert.True(Verified(results[0]), results[0]!.ToJsonString());
        Assert.Equal(holder.Did, (string?)results[0]!["holder"]);
        Assert.Equal(holder.KeyId, (string?)results[0]!["signer"]);
        Assert.Equal(holder.Did, (string?)results[0]!["presentation"]!["verifiableCredential"]![0]!["credentialSubject"]!["id"]);
        Assert.False(Verified(results[1]));
        Assert.False(Verified(results[2]));
        Assert.True(Verified(results[3]), results[3]!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task TryDecodeCredential_CreatedByDidJwtVc_EqualsItsNormalizeCredentialAndVerifiesHere(string algorithmName)
    {
        using var issuer = new Party(algorithmName);
        var created = await RunAsync(issuer.Request("createCredential", Credential(issuer.Did)));
        var token = (string)created[0]!["jwt"]!;

        var normalized = await RunAsync(new JsonObject { ["op"] = "normalizeCredential", ["jwt"] = token });

        Assert.True(CredentialJwt.TryDecodeCredential(token, out var decoded, out var error), error?.Message);
        Assert.Equal(CredentialFormat.VcJwt, decoded.Format);
        Assert.Equal(issuer.KeyId, decoded.Jws.Header.KeyId);
        Assert.True(decoded.Jws.Verify(issuer.Key.PublicKey));
        Assert.Equal(issuer.Did, decoded.Issuer);
        Assert.Equal("did:example:ebfeb1f712ebc6f1c276e12ec21", decoded.Subject);
        AssertSameJson(normalized[0]!["credential"], decoded.Credential.ToJsonObject());
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task TryDecodePresentation_CreatedByDidJwtVc_CarriesHolderAudienceNonceAndCredential(string algorithmName)
    {
        using var issuer = new Party("ES256K-R");
        using var holder = new Party(algorithmName);
        var credentialToken = (string)(await RunAsync(issuer.Request("createCredential", Credential(issuer.Did, holder.Did))))[0]!["jwt"]!;
        var request = holder.Request("createPresentation", new JsonObject
        {
            ["@context"] = new JsonArray(CredentialContexts.V1),
            ["type"] = new JsonArray("VerifiablePresentation"),
            ["holder"] = holder.Did,
            ["verifiableCredential"] = new JsonArray(credentialToken),
        });
        request["challenge"] = "n-42";
        request["domain"] = Audience;
        var token = (string)(await RunAsync(request))[0]!["jwt"]!;

        Assert.True(CredentialJwt.TryDecodePresentation(token, out var decoded, out var error), error?.Message);
        Assert.Equal(holder.Did, decoded.Holder);
        Assert.Equal([Audience], decoded.Audience);
        Assert.Equal("n-42", decoded.Nonce);
        Assert.True(decoded.Jws.Verify(holder.Key.PublicKey));
        var inner = Assert.Single(decoded.Presentation.Credentials);
        Assert.Equal(credentialToken, inner.Token);
        Assert.True(CredentialJwt.TryDecodeCredential(inner.Token, out var innerDecoded, out error), error?.Message);
        Assert.True(innerDecoded.Jws.Verify(issuer.Key.PublicKey));
        Assert.Equal(holder.Did, innerDecoded.Subject);
    }

    private static JsonObject Credential(string issuerDid, string subject = "did:example:ebfeb1f712ebc6f1c276e12ec21") => new()
    {
        ["@context"] = new JsonArray(CredentialContexts.V1, "https://www.w3.org/2018/credentials/examples/v1"),
        ["id"] = "urn:uuid:2f1c0f4c-5a70-4cd4-9d3b-b3b7f8c0a001",
        ["type"] = new JsonArray("VerifiableCredential", "ImmunizationCredential"),
        ["issuer"] = new JsonObject { ["id"] = issuerDid, ["name"] = "Hôpital Exemple" },
        ["issuanceDate"] = "2024-03-01T08:00:00Z",
        ["expirationDate"] = "2034-03-01T08:00:00Z",
        ["credentialSubject"] = new JsonObject
        {
            ["id"] = subject,
            ["vaccine"] = new JsonObject { ["code"] = "207", ["system"] = "http://hl7.org/fhir/sid/cvx", ["display"] = "COVID-19, mRNA 🩺" },
            ["doses"] = new JsonArray(1, 2),
        },
        ["credentialStatus"] = new JsonObject
        {
            ["id"] = "https://issuer.example/status/1#94567",
            ["type"] = "StatusList2021Entry",
            ["statusPurpose"] = "revocation",
            ["statusListIndex"] = "94567",
            ["statusListCredential"] = "https://issuer.example/status/1",
        },
        ["credentialSchema"] = new JsonObject { ["id"] = "https://issuer.example/schemas/immunization.json", ["type"] = "JsonSchema" },
    };

    private static JsonObject Documents(params Party[] parties) => Documents([.. parties.Select(p => p.DocumentFor(p.Did))]);

    private static JsonObject Documents(params JsonObject[] documents)
    {
        var result = new JsonObject();
        foreach (var document in documents)
        {
            result[(string)document["id"]!] = document;
        }

        return result;
    }

    private static void AssertSameJson(JsonNode? expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(Sorted(expected), Sorted(actual)), $"expected {Sorted(expected)?.ToJsonString()}\nactual   {Sorted(actual)?.ToJsonString()}");

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    private static bool Verified(JsonNode? result) => result!["verified"]!.GetValue<bool>();

    private static async Task<JsonArray> RunAsync(params JsonObject[] requests)
    {
        var output = await NodeScript.RunAsync("vc-interop.mjs", new JsonArray(requests).ToJsonString());
        var results = JsonNode.Parse(output)!.AsArray();
        Assert.Equal(requests.Length, results.Count);
        return results;
    }

    /// <summary>A key, its DID and the verification method that names it.</summary>
    private sealed class Party : IDisposable
    {
        public Party(string algorithmName)
        {
            AlgorithmName = algorithmName;
            Algorithm = SignatureAlgorithm.TryGet(algorithmName, out var algorithm) ? algorithm : throw new ArgumentException("Unknown algorithm.", nameof(algorithmName));
            Key = PrivateKey.Generate(Algorithm.KeyType);
            Did = Key.Type == KeyType.Secp256k1
                ? "did:ethr:" + Key.PublicKey.ToEthereumAddress().ToString().ToLowerInvariant()
                : "did:example:" + Hex.Encode(RandomNumberGenerator.GetBytes(8));
            KeyId = Did + (Key.Type == KeyType.Secp256k1 ? "#controller" : "#key-1");
        }

        public string AlgorithmName { get; }

        public SignatureAlgorithm Algorithm { get; }

        public PrivateKey Key { get; }

        public string Did { get; }

        public string KeyId { get; }

        /// <summary>A DID document for <paramref name="did"/> that names this party's key.</summary>
        public JsonObject DocumentFor(string did)
        {
            var id = did + (Key.Type == KeyType.Secp256k1 ? "#controller" : "#key-1");
            var method = Key.Type == KeyType.Secp256k1
                ? new JsonObject
                {
                    ["id"] = id,
                    ["type"] = "EcdsaSecp256k1RecoveryMethod2020",
                    ["controller"] = did,
                    ["blockchainAccountId"] = "eip155:1:" + Key.PublicKey.ToEthereumAddress(),
                }
                : new JsonObject
                {
                    ["id"] = id,
                    ["type"] = "JsonWebKey2020",
                    ["controller"] = did,
                    ["publicKeyJwk"] = JsonNode.Parse(Jwk.FromPublicKey(Key.PublicKey).ToJson()),
                };
            return new JsonObject
            {
                ["@context"] = new JsonArray("https://www.w3.org/ns/did/v1"),
                ["id"] = did,
                ["verificationMethod"] = new JsonArray(method),
                ["assertionMethod"] = new JsonArray(id),
                ["authentication"] = new JsonArray(id),
            };
        }

        public JsonObject Request(string op, JsonObject payload)
        {
            var secret = Key.ExportRaw();
            try
            {
                return new JsonObject
                {
                    ["op"] = op,
                    ["payload"] = payload,
                    ["did"] = Did,
                    ["alg"] = AlgorithmName,
                    ["privateKeyHex"] = Hex.Encode(secret),
                    ["kid"] = KeyId,
                };
            }
            finally
            {
                CryptographicOperations.ZeroMemory(secret);
            }
        }

        public void Dispose() => Key.Dispose();
    }
}
