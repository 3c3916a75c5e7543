using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Dids.Ethr;
using Identity.Shared.Ethereum;
using Identity.TestSupport;
using Identity.TestSupport.Chain;

namespace Identity.Chain.Tests.Dids;

/// <summary>
/// Parity with ethr-did-resolver 11 (the reference, run in node against the same anvil): every change kind, a long
/// history, historic versions and the error values must give equal resolution results.
/// </summary>
[Collection(AnvilFixture.Collection)]
public sealed class EthrParityTests(AnvilFixture chain)
{
    private const string Network = "dev";

    [Fact]
    public async Task EveryChangeKind_SameResultsAsEthrDidResolver()
    {
        var registry = chain.CreateRegistry();
        var dids = new List<string>();

        // No history: the address form, the public-key form, and a network named by hex chain id.
        using var quiet = PrivateKey.Generate(KeyType.Secp256k1);
        dids.Add(EthrDid.Format(quiet.PublicKey.ToEthereumAddress(), Network));
        dids.Add($"did:ethr:{Network}:0x{Convert.ToHexStringLower(quiet.PublicKey.ToCompressed())}");
        dids.Add($"did:ethr:0x7a69:{quiet.PublicKey.ToEthereumAddress()}");

        // Public-key form whose owner changed: #controllerKey disappears.
        using var rotated = await FundedKeyAsync();
        using var newOwner = PrivateKey.Generate(KeyType.Secp256k1);
        await registry.SendAsync(new ChangeOwnerOperation(Address(rotated), newOwner.PublicKey.ToEthereumAddress()), rotated);
        dids.Add($"did:ethr:{Network}:0x{Convert.ToHexStringLower(rotated.PublicKey.ToCompressed())}");

        // Delegates: veriKey, sigAuth, one revoked, one expired, one of an unknown type.
        using var delegator = await FundedKeyAsync();
        var identity = Address(delegator);
        await registry.SendAsync(new AddDelegateOperation(identity, "veriKey", RandomAddress(), 86_400), delegator);
        await registry.SendAsync(new AddDelegateOperation(identity, "sigAuth", RandomAddress(), 86_400), delegator);
        var revokedDelegate = RandomAddress();
        await registry.SendAsync(new AddDelegateOperation(identity, "veriKey", revokedDelegate, 86_400), delegator);
        await registry.SendAsync(new RevokeDelegateOperation(identity, "veriKey", revokedDelegate), delegator);
        await registry.SendAsync(new AddDelegateOperation(identity, "sigAuth", RandomAddress(), 1), delegator);
        await registry.SendAsync(new AddDelegateOperation(identity, "Secp256k1VerificationKey2018", RandomAddress(), 86_400), delegator);
        dids.Add(EthrDid.Format(identity, Network));

        // Attributes: keys in every encoding and purpose, services as text and JSON, a revoked key.
        using var attributed = await FundedKeyAsync();
        var subject = Address(attributed);
        var secpKey = PrivateKey.Generate(KeyType.Secp256k1).PublicKey.ToCompressed();
        var edKey = PrivateKey.Generate(KeyType.Ed25519).PublicKey.Bytes.ToArray();
        var attributes = new (string Name, byte[] Value)[]
        {
            ("did/pub/Secp256k1/veriKey/hex", secpKey),
            ("did/pub/Secp256k1/sigAuth", secpKey),
            ("did/pub/Ed25519/veriKey/base64", edKey),
            ("did/pub/Ed25519/sigAuth/base58", edKey),
            ("did/pub/X25519/enc/base64", edKey),
            ("did/pub/RSA/veriKey/pem", Encoding.UTF8.GetBytes("-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----")),
            ("did/svc/HubService", Encoding.UTF8.GetBytes("https://hub.example.com/.identity/")),
            ("did/svc/MessagingService", Encoding.UTF8.GetBytes("{\"uri\":\"https://msg.example.com\",\"accept\":[\"didcomm/v2\"]}")),
            ("not/a/did/attribute", [1, 2, 3]),
        };
        foreach (var (name, value) in attributes)
        {
            await registry.SendAsync(new SetAttributeOperation(subject, name, value, 86_400), attributed);
        }

        await registry.SendAsync(new RevokeAttributeOperation(subject, "did/pub/Ed25519/veriKey/base64", edKey), attributed);
        await registry.SendAsync(new SetAttributeOperation(subject, "did/svc/Late", Encoding.UTF8.GetBytes("https://late.example.com"), 86_400), attributed);
        dids.Add(EthrDid.Format(subject, Network));

        // Deactivation, through the relayed (meta-transaction) path.
        using var deactivated = PrivateKey.Generate(KeyType.Secp256k1);
        await registry.SendSignedAsync(await registry.SignAsync(new AddDelegateOperation(Address(deactivated), "veriKey", RandomAddress(), 86_400), deactivated), AnvilFixture.DevKey(1));
        await registry.SendSignedAsync(await registry.SignAsync(new ChangeOwnerOperation(Address(deactivated), EthereumAddress.Zero), deactivated), AnvilFixture.DevKey(1));
        dids.Add(EthrDid.Format(Address(deactivated), Network));

        // Errors: not an identifier, an unknown network.
        dids.Add("did:ethr:dev:0x1234");
        dids.Add($"did:ethr:elsewhere:{RandomAddress()}");

        await Task.Delay(TimeSpan.FromSeconds(2)); // the one-second delegate has expired for both resolvers
        await AssertParityAsync(dids);
        await AssertParityAsync(dids.Take(6).ToList(), accept: DidContentTypes.DidJson);
    }

    [Fact]
    public async Task LongHistoryAndHistoricVersions_SameResultsAsEthrDidResolver()
    {
        var registry = chain.CreateRegistry();
        using var key = await FundedKeyAsync();
        var identity = Address(key);
        var blocks = new List<ulong>();
        for (var i = 0; i < 55; i++)
        {
            TransactionReceipt receipt = (i % 5) switch
            {
                0 => await registry.SendAsync(new AddDelegateOperation(identity, i % 2 == 0 ? "veriKey" : "sigAuth", RandomAddress(), 86_400), key),
                1 => await registry.SendAsync(new SetAttributeOperation(identity, "did/svc/Service" + i.ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes($"https://s{i}.example.com"), 86_400), key),
                2 => await registry.SendAsync(new SetAttributeOperation(identity, "did/pub/Ed25519/veriKey/base58", PrivateKey.Generate(KeyType.Ed25519).PublicKey.Bytes, 86_400), key),
                3 => await registry.SendAsync(new RevokeAttributeOperation(identity, "did/svc/Service" + (i - 2).ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes($"https://s{i - 2}.example.com")), key),
                _ => await registry.SendAsync(new SetAttributeOperation(identity, "did/pub/Secp256k1/sigAuth/hex", PrivateKey.Generate(KeyType.Secp256k1).PublicKey.ToCompressed(), 86_400), key),
            };
            blocks.Add(receipt.BlockNumber);
        }

        var did = EthrDid.Format(identity, Network);
        var dids = new List<string> { did };
        foreach (var index in new[] { 0, 9, 30, 54 })
        {
            dids.Add($"{did}?versionId={blocks[index]}");
        }

        dids.Add($"{did}?versionId={blocks[0] - 1}"); // before the first change: no versionId, a nextVersionId
        dids.Add($"{did}?versionId=latest");          // not a number: ethr-did-resolver falls back to the latest version

        await AssertParityAsync(dids);
    }

    private async Task AssertParityAsync(List<string> dids, string? accept = null)
    {
        var resolver = new EthrDidResolver(Options(), _ => new HttpClient());
        var options = new DidResolutionOptions { Accept = accept };
        var ours = new List<JsonNode?>();
        foreach (var did in dids)
        {
            var result = DidUrl.TryParse(did, out var didUrl)
                ? await resolver.ResolveAsync(didUrl, options, CancellationToken.None)
                : DidResolutionResult.Failure(DidResolutionErrors.InvalidDid, "not a DID URL");
            ours.Add(JsonNode.Parse(result.ToJson()));
        }

        var request = new JsonObject
        {
            ["networks"] = new JsonArray(new JsonObject
            {
                ["name"] = Network,
                ["chainId"] = chain.ChainId,
                ["rpcUrl"] = chain.RpcUrl.ToString(),
                ["registry"] = chain.RegistryAddress.ToString(),
            }),
            ["dids"] = new JsonArray([.. dids.Select(d => (JsonNode)d)]),
        };
        if (accept is not null)
        {
            request["accept"] = accept;
        }

        var reference = JsonNode.Parse(await NodeScript.RunAsync("ethr-resolve.mjs", request.ToJsonString()))!["results"]!.AsArray();
        for (var i = 0; i < dids.Count; i++)
        {
            var theirs = Normalize(reference[i]!);
            var mine = Normalize(ours[i]!);
            Assert.True(JsonNode.DeepEquals(theirs, mine), $"{dids[i]}\nethr-did-resolver: {theirs.ToJsonString()}\nours:              {mine.ToJsonString()}");
        }
    }

    /// <summary>
    /// Object members compared regardless of order (JSON objects are unordered); arrays keep their order. Error
    /// messages are free text, so only the error value is compared.
    /// </summary>
    private static JsonNode Normalize(JsonNode node)
    {
        var result = node.DeepClone();
        if (result["didResolutionMetadata"] is JsonObject metadata && metadata["error"] is not null)
        {
            metadata.Remove("message");
        }

        return Sort(result)!;
    }

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sort)]),
        null => null,
        _ => node.DeepClone(),
    };

    private EthrDidOptions Options()
    {
        var options = new EthrDidOptions();
        options.Networks.Add(new EthrNetwork { Name = Network, ChainId = chain.ChainId, RpcUrl = chain.RpcUrl, Registry = chain.RegistryAddress.ToString() });
        return options;
    }

    private async Task<PrivateKey> FundedKeyAsync()
    {
        var key = PrivateKey.Generate(KeyType.Secp256k1);
        await chain.FundAsync(Address(key), BigInteger.Pow(10, 18));
        return key;
    }

    private static EthereumAddress Address(PrivateKey key) => key.PublicKey.ToEthereumAddress();

    private static EthereumAddress RandomAddress() => EthereumAddress.FromBytes(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
}
