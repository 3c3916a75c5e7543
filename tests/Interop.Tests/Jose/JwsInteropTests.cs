using System.Text.Json.Nodes;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;
using Identity.Shared.Jose;
using Identity.TestSupport;

namespace Identity.Interop.Tests.Jose;

/// <summary>
/// did-jwt 8 (tests/node/jws-interop.mjs) judges the JWS we produce, and produces JWS we must accept; for the
/// deterministic algorithms both sides must produce the very same bytes from the same key and signing input.
/// </summary>
public sealed class JwsInteropTests
{
    private const string Did = "did:example:interop";

    public static TheoryData<string> Algorithms => new() { "ES256K", "ES256K-R", "EdDSA" };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task DidJwtVerifyJws_TokenSignedHere_VerifiesAndTamperedDoesNot(string algorithmName)
    {
        var algorithm = Algorithm(algorithmName);
        using var key = PrivateKey.Generate(algorithm.KeyType);
        using var other = PrivateKey.Generate(algorithm.KeyType);
        var token = JwsSigner.Sign(new JwsHeaderParameters { Type = "JWT" }, """{"iss":"did:example:interop","claim":"Zoë+1"}"""u8, key, algorithm);
        var vm = VerificationMethod(key.PublicKey);

        var results = await RunAsync(
            Verify(token, vm),
            Verify(TamperPayload(token), vm),
            Verify(TamperSignature(token), vm),
            Verify(token, VerificationMethod(other.PublicKey)));

        Assert.True(Verified(results[0]), results[0]!.ToJsonString());
        Assert.False(Verified(results[1]));
        Assert.False(Verified(results[2]));
        Assert.False(Verified(results[3]));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Verify_TokenSignedByDidJwt_VerifiesHereAndTamperedDoesNot(string algorithmName)
    {
        var algorithm = Algorithm(algorithmName);
        using var key = PrivateKey.Generate(algorithm.KeyType);
        var payload = Base64UrlStrict.Encode("""{"iss":"did:example:interop","nested":{"a":[1,2,3]}}"""u8);

        var results = await RunAsync(Sign(algorithmName, key, new JsonObject { ["alg"] = algorithmName, ["typ"] = "JWT", ["kid"] = Did + "#key-1" }, payload));
        var token = results[0]!["jws"]!.GetValue<string>();

        Assert.True(JwsCompact.TryParse(token, out var jws, out var error), error?.Message);
        Assert.Equal(Did + "#key-1", jws.Header.KeyId);
        Assert.True(jws.Verify(key.PublicKey));
        Assert.False(JwsCompact.Parse(TamperPayload(token)).Verify(key.PublicKey));
        Assert.False(JwsCompact.Parse(TamperSignature(token)).Verify(key.PublicKey));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Sign_SameKeyAndSigningInput_GivesDidJwtsExactBytes(string algorithmName)
    {
        // ES256K/ES256K-R: RFC 6979 nonces and low-S on both sides; EdDSA is deterministic by design.
        var algorithm = Algorithm(algorithmName);
        using var key = PrivateKey.Generate(algorithm.KeyType);
        string[] payloads =
        [
            """{"some":"data"}""",
            """{"iss":"did:ethr:0x1:0xf3beac30c498d9e26865f34fcaa57dbb935b0d74","iat":1485321133,"typ":"vc+jwt"}""",
            """{"name":"Zoë Ñandú","emoji":"🩺"}""",
            """{"n":0}""",
        ];
        var ours = payloads
            .Select(payload => JwsSigner.Sign(new JwsHeaderParameters { Type = "JWT" }, System.Text.Encoding.UTF8.GetBytes(payload), key, algorithm))
            .ToList();

        var theirs = await RunAsync(payloads
            .Select(payload => Sign(algorithmName, key, new JsonObject { ["alg"] = algorithm.Name, ["typ"] = "JWT" }, Base64UrlStrict.Encode(System.Text.Encoding.UTF8.GetBytes(payload))))
            .ToArray());

        Assert.Equal(ours, theirs.Select(result => result!["jws"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RecoverSignerCandidates_AddressOnlyMethod_AgreesWithDidJwt()
    {
        // did:ethr's #controller has only a CAIP-10 account: did-jwt recovers the key (ids 0 then 1) to match it.
        using var key = PrivateKey.Generate(KeyType.Secp256k1);
        using var stranger = PrivateKey.Generate(KeyType.Secp256k1);
        var token = JwsSigner.Sign(null, """{"iss":"did:ethr:0x1"}"""u8, key, SignatureAlgorithm.ES256K);

        var results = await RunAsync(Verify(token, AccountMethod(key.PublicKey)), Verify(token, AccountMethod(stranger.PublicKey)));

        Assert.True(Verified(results[0]), results[0]!.ToJsonString());
        Assert.False(Verified(results[1]));
        var addresses = JwsCompact.Parse(token).RecoverSignerCandidates().Select(candidate => candidate.ToEthereumAddress()).ToList();
        Assert.Contains(key.PublicKey.ToEthereumAddress(), addresses);
        Assert.DoesNotContain(stranger.PublicKey.ToEthereumAddress(), addresses);
    }

    private static SignatureAlgorithm Algorithm(string name) =>
        SignatureAlgorithm.TryGet(name, out var algorithm) ? algorithm : throw new ArgumentException("Unknown algorithm.", nameof(name));

    private static JsonObject Sign(string algorithmName, PrivateKey key, JsonObject header, string encodedPayload)
    {
        var secret = key.ExportRaw();
        try
        {
            return new JsonObject
            {
                ["op"] = "sign",
                ["alg"] = algorithmName,
                ["privateKeyHex"] = Hex.Encode(secret),
                ["header"] = header,
                ["payload"] = encodedPayload,
            };
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(secret);
        }
    }

    private static JsonObject Verify(string token, JsonObject verificationMethod) => new()
    {
        ["op"] = "verify",
        ["jws"] = token,
        ["verificationMethods"] = new JsonArray(verificationMethod.DeepClone()),
    };

    private static JsonObject VerificationMethod(PublicKey key) => new()
    {
        ["id"] = Did + "#key-1",
        ["type"] = key.Type == KeyType.Ed25519 ? "Ed25519VerificationKey2018" : "EcdsaSecp256k1VerificationKey2019",
        ["controller"] = Did,
        ["publicKeyHex"] = Hex.Encode(key.ToCompressed()),
    };

    private static JsonObject AccountMethod(PublicKey key) => new()
    {
        ["id"] = Did + "#controller",
        ["type"] = "EcdsaSecp256k1RecoveryMethod2020",
        ["controller"] = Did,
        ["blockchainAccountId"] = "eip155:1:" + key.ToEthereumAddress(),
    };

    private static bool Verified(JsonNode? result) => result!["verified"]!.GetValue<bool>();

    private static string TamperPayload(string token)
    {
        var parts = token.Split('.');
        return string.Join('.', parts[0], Base64UrlStrict.Encode("""{"iss":"did:example:mallory"}"""u8), parts[2]);
    }

    private static string TamperSignature(string token)
    {
        var dot = token.LastIndexOf('.');
        var signature = Base64UrlStrict.Decode(token.AsSpan(dot + 1));
        signature[5] ^= 0x80;
        return string.Concat(token.AsSpan(0, dot + 1), Base64UrlStrict.Encode(signature));
    }

    private static async Task<JsonArray> RunAsync(params JsonObject[] requests)
    {
        var output = await NodeScript.RunAsync("jws-interop.mjs", new JsonArray(requests).ToJsonString());
        var results = JsonNode.Parse(output)!.AsArray();
        Assert.Equal(requests.Length, results.Count);
        return results;
    }
}
