using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;
using Identity.Shared.Ethereum;
using Identity.TestSupport.Chain;

namespace Identity.Cli.Tests.Commands;

/// <summary>
/// <c>did update</c> then <c>did resolve</c> against a real registry on anvil, on both write paths: the owner's own
/// transaction, and the signed meta-transaction relayed by another account (the owner then holds no ether at all).
/// </summary>
[Collection(AnvilFixture.Collection)]
public sealed class DidEthrChainTests : IDisposable
{
    private static readonly BigInteger OneEther = BigInteger.Pow(10, 18);

    private readonly AnvilFixture chain;
    private readonly TempDirectory directory = new();
    private readonly string relayKey;
    private readonly EthereumAddress relayAddress;

    public DidEthrChainTests(AnvilFixture chain)
    {
        this.chain = chain;
        using var relay = AnvilFixture.DevKey(1);
        relayKey = KeyFiles.Write(directory, "relay.jwk", relay);
        relayAddress = relay.PublicKey.ToEthereumAddress();
    }

    public static TheoryData<bool> Paths => new() { false, true };

    private string[] Network =>
        ["--rpc-url", chain.RpcUrl.ToString(), "--chain-id", chain.ChainId.ToString(CultureInfo.InvariantCulture), "--registry", chain.RegistryAddress.ToString()];

    public void Dispose() => directory.Dispose();

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Delegate_AddThenRevoke_ResolutionShowsThenDropsTheDelegate(bool relayed)
    {
        var owner = await NewIdentityAsync(funded: !relayed);
        var delegateAddress = RandomAddress();

        var added = await UpdateAsync(owner, relayed, "delegate", "--delegate", delegateAddress.ToString(), "--delegate-type", "sigAuth", "--validity", "3600");

        await AssertReceiptAsync(added, owner, "addDelegate", relayed);
        var document = await ResolveAsync(owner.Did);
        var method = Assert.Single(Methods(document), m => (string?)m["blockchainAccountId"] == $"eip155:{chain.ChainId}:{delegateAddress}");
        Assert.Equal("EcdsaSecp256k1RecoveryMethod2020", (string?)method["type"]);
        Assert.Contains((string?)method["id"], Strings(document["authentication"]));
        Assert.Contains((string?)method["id"], Strings(document["assertionMethod"]));

        var revoked = await UpdateAsync(owner, relayed, "revoke-delegate", "--delegate", delegateAddress.ToString(), "--delegate-type", "sigAuth");

        await AssertReceiptAsync(revoked, owner, "revokeDelegate", relayed);
        await WaitPastBlockTimeAsync(revoked);
        document = await ResolveAsync(owner.Did);
        Assert.DoesNotContain(Methods(document), m => (string?)m["blockchainAccountId"] == $"eip155:{chain.ChainId}:{delegateAddress}");
        Assert.Equal([owner.Did + "#controller"], Strings(document["authentication"]));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Attribute_KeyAndServiceSetThenRevoked_ResolutionFollows(bool relayed)
    {
        var owner = await NewIdentityAsync(funded: !relayed);
        using var signingKey = PrivateKey.Generate(KeyType.Ed25519);
        var keyHex = Hex.EncodePrefixed(signingKey.PublicKey.Bytes);
        const string endpoint = "https://records.hospital.example/patients/inbox";

        await AssertReceiptAsync(
            await UpdateAsync(owner, relayed, "attribute", "--name", "did/pub/Ed25519/veriKey/base64", "--value", keyHex),
            owner,
            "setAttribute",
            relayed);
        await AssertReceiptAsync(
            await UpdateAsync(owner, relayed, "attribute", "--name", "did/svc/MessagingService", "--value-text", endpoint, "--validity", "600"),
            owner,
            "setAttribute",
            relayed);

        var document = await ResolveAsync(owner.Did);
        var method = Assert.Single(Methods(document), m => (string?)m["type"] == "Ed25519VerificationKey2018");
        Assert.Equal(Convert.ToBase64String(signingKey.PublicKey.Bytes), (string?)method["publicKeyBase64"]);
        Assert.Contains((string?)method["id"], Strings(document["assertionMethod"]));
        var service = Assert.Single(document["service"]!.AsArray());
        Assert.Equal("MessagingService", (string?)service!["type"]);
        Assert.Equal(endpoint, (string?)service["serviceEndpoint"]);

        (await UpdateAsync(owner, relayed, "revoke-attribute", "--name", "did/pub/Ed25519/veriKey/base64", "--value", keyHex)).AssertExit(0);
        var revoked = (await UpdateAsync(owner, relayed, "revoke-attribute", "--name", "did/svc/MessagingService", "--value-text", endpoint)).AssertExit(0);
        await WaitPastBlockTimeAsync(revoked);

        document = await ResolveAsync(owner.Did);
        Assert.DoesNotContain(Methods(document), m => (string?)m["type"] == "Ed25519VerificationKey2018");
        Assert.Null(document["service"]);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Owner_Changed_NewOwnerControlsAndOldKeyIsRefusedWithTheReason(bool relayed)
    {
        var owner = await NewIdentityAsync(funded: !relayed);
        var successor = await NewIdentityAsync(funded: !relayed);

        // The new owner may be named by its DID or by its address.
        var newOwner = relayed ? successor.Did : successor.Address.ToString();
        var changed = await UpdateAsync(owner, relayed, "owner", "--new-owner", newOwner);

        await AssertReceiptAsync(changed, owner, "changeOwner", relayed);
        var document = await ResolveAsync(owner.Did);
        var controller = Assert.Single(Methods(document), m => (string?)m["id"] == owner.Did + "#controller");
        Assert.Equal($"eip155:{chain.ChainId}:{successor.Address}", (string?)controller!["blockchainAccountId"]);

        var registry = chain.CreateRegistry();
        var changedBlock = await registry.GetChangedAsync(owner.Address);
        var refused = await UpdateAsync(owner, relayed, "delegate", "--delegate", RandomAddress().ToString());
        if (relayed)
        {
            // Refused before anything is sent: the relay pays nothing for a signature the registry would reject.
            refused.AssertExit(2);
            Assert.Contains("is not the owner", refused.Stderr, StringComparison.Ordinal);
            Assert.Empty(refused.Stdout);
        }
        else
        {
            refused.AssertExit(1);
            var error = refused.Json["error"]!;
            Assert.Equal("reverted", (string?)error["code"]);
            Assert.Equal("bad_actor", (string?)error["revertReason"]);
            Assert.Contains($"its owner is {successor.Address}", (string?)error["message"], StringComparison.Ordinal);
            Assert.Equal(owner.Did, (string?)refused.Json["did"]);
            Assert.Contains("bad_actor", refused.Stderr, StringComparison.Ordinal);
        }

        Assert.Equal(changedBlock, await registry.GetChangedAsync(owner.Address));

        // The successor's key now writes to the original DID.
        var delegateAddress = RandomAddress();
        var byNewOwner = (await UpdateAsync(successor, relayed, "delegate", "--did", owner.Did, "--delegate", delegateAddress.ToString())).AssertExit(0);
        Assert.Equal(owner.Did, (string?)byNewOwner.Json["did"]);
        Assert.Contains(Methods(await ResolveAsync(owner.Did)), m => (string?)m["blockchainAccountId"] == $"eip155:{chain.ChainId}:{delegateAddress}");
    }

    [Fact]
    public async Task Update_OwnerWithoutEtherDirect_RefusedWithAHintToRelay()
    {
        var owner = await NewIdentityAsync(funded: false);

        var run = (await UpdateAsync(owner, relayed: false, "delegate", "--delegate", RandomAddress().ToString())).AssertExit(1);

        Assert.Equal("insufficient_funds", (string?)run.Json["error"]!["code"]);
        Assert.Contains("--relay-key", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0UL, await chain.CreateRegistry().GetChangedAsync(owner.Address));
    }

    [Fact]
    public async Task Update_DidWithoutNetworkSegment_WritesOnTheOneConfiguredNetwork()
    {
        var owner = await NewIdentityAsync(funded: true);
        var mainnetForm = "did:ethr:" + owner.Address;
        var delegateAddress = RandomAddress();

        var run = (await CliRun.RunAsync(["did", "update", "delegate", "--key", owner.KeyPath, "--did", mainnetForm, "--delegate", delegateAddress.ToString(), .. Network])).AssertExit(0);

        Assert.Equal(owner.Did, (string?)run.Json["did"]);
        Assert.Contains("names mainnet", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(Methods(await ResolveAsync(owner.Did)), m => (string?)m["blockchainAccountId"] == $"eip155:{chain.ChainId}:{delegateAddress}");
    }

    [Fact]
    public async Task Update_PublicKeyFormDid_WritesForTheKeyAddress()
    {
        var owner = await NewIdentityAsync(funded: true);
        using var key = KeyFiles.ReadPrivate(owner.KeyPath);
        var compressed = Secp256k1Compressed(key.PublicKey);
        var did = $"did:ethr:0x{chain.ChainId:x}:{compressed}";
        var delegateAddress = RandomAddress();

        var run = (await CliRun.RunAsync(["did", "update", "delegate", "--key", owner.KeyPath, "--did", did, "--delegate", delegateAddress.ToString(), .. Network])).AssertExit(0);

        Assert.Equal(did, (string?)run.Json["did"]);
        Assert.True(await chain.CreateRegistry().IsValidDelegateAsync(owner.Address, "veriKey", delegateAddress));
    }

    [Fact]
    public async Task Resolve_FreshEthrDid_DocumentNamesTheAddressAsController()
    {
        var owner = await NewIdentityAsync(funded: false);

        var run = (await CliRun.RunAsync(["did", "resolve", owner.Did, .. Network])).AssertExit(0);

        var controller = Assert.Single(Methods(run.Json["didDocument"]!.AsObject()));
        Assert.Equal($"eip155:{chain.ChainId}:{owner.Address}", (string?)controller["blockchainAccountId"]);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task NetworksFile_TwoNetworks_EachDidUsesItsOwnRegistry()
    {
        // A second registry on the same node, configured as another chain id: two networks, two separate histories.
        var secondRegistry = await DeploySecondRegistryAsync();
        var networks = directory.File("networks.json");
        await File.WriteAllTextAsync(networks, new JsonArray(
            new JsonObject { ["name"] = "dev", ["chainId"] = chain.ChainId, ["rpcUrl"] = chain.RpcUrl.ToString(), ["registry"] = chain.RegistryAddress.ToString() },
            new JsonObject { ["name"] = "ward", ["chainId"] = 1337, ["rpcUrl"] = chain.RpcUrl.ToString(), ["registry"] = secondRegistry.ToString() }).ToJsonString());
        var owner = await NewIdentityAsync(funded: true);
        var onDev = $"did:ethr:dev:{owner.Address}";
        var onWard = $"did:ethr:ward:{owner.Address}";
        var delegateAddress = RandomAddress();

        var withoutDid = (await CliRun.RunAsync("did", "update", "delegate", "--key", owner.KeyPath, "--delegate", delegateAddress.ToString(), "--networks", networks)).AssertExit(2);
        Assert.Contains("several networks", withoutDid.Stderr, StringComparison.Ordinal);

        var written = (await CliRun.RunAsync("did", "update", "delegate", "--key", owner.KeyPath, "--did", onWard, "--delegate", delegateAddress.ToString(), "--networks", networks)).AssertExit(0);
        Assert.Equal(onWard, (string?)written.Json["did"]);

        var ward = (await CliRun.RunAsync("did", "resolve", onWard, "--networks", networks)).AssertExit(0);
        Assert.Contains(Methods(ward.Json["didDocument"]!.AsObject()), m => (string?)m["blockchainAccountId"] == $"eip155:1337:{delegateAddress}");
        var byChainId = (await CliRun.RunAsync("did", "resolve", $"did:ethr:0x539:{owner.Address}", "--networks", networks)).AssertExit(0);
        Assert.Contains(Methods(byChainId.Json["didDocument"]!.AsObject()), m => (string?)m["blockchainAccountId"] == $"eip155:1337:{delegateAddress}");
        var dev = (await CliRun.RunAsync("did", "resolve", onDev, "--networks", networks)).AssertExit(0);
        Assert.Single(Methods(dev.Json["didDocument"]!.AsObject()));
        var unknown = (await CliRun.RunAsync("did", "resolve", $"did:ethr:sepolia:{owner.Address}", "--networks", networks)).AssertExit(2);
        Assert.Equal("unknownNetwork", (string?)unknown.Json["didResolutionMetadata"]!["error"]);
    }

    [Fact]
    public async Task NodeDown_UpdateAndResolve_ExitThreeNamingTheFailureWithoutHanging()
    {
        var owner = await NewIdentityAsync(funded: true);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        chain.StopNode();
        try
        {
            var update = (await UpdateAsync(owner, relayed: false, "delegate", "--delegate", RandomAddress().ToString())).AssertExit(3);
            Assert.Contains(chain.RpcUrl.ToString().TrimEnd('/'), update.Stderr, StringComparison.Ordinal);
            Assert.Contains("Unreachable", update.Stderr, StringComparison.Ordinal);
            Assert.Empty(update.Stdout);

            var relayedUpdate = (await UpdateAsync(owner, relayed: true, "delegate", "--delegate", RandomAddress().ToString())).AssertExit(3);
            Assert.Contains("Unreachable", relayedUpdate.Stderr, StringComparison.Ordinal);

            var resolve = (await CliRun.RunAsync(["did", "resolve", owner.Did, .. Network])).AssertExit(3);
            Assert.Equal("internalError", (string?)resolve.Json["didResolutionMetadata"]!["error"]);
            Assert.Contains("Unreachable", resolve.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            await chain.RestartNodeAsync();
        }

        // Connection refused is retried briefly, then reported: seconds, not the 10 s call timeout times retries.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    private static EthereumAddress RandomAddress() => EthereumAddress.FromBytes(RandomNumberGenerator.GetBytes(EthereumAddress.Size));

    private static string Secp256k1Compressed(PublicKey key)
    {
        var bytes = key.Bytes;
        var prefix = (byte)((bytes[^1] & 1) == 0 ? 0x02 : 0x03);
        return Hex.EncodePrefixed([prefix, .. bytes[1..33]]);
    }

    private static List<JsonObject> Methods(JsonObject document) =>
        [.. document["verificationMethod"]!.AsArray().Select(node => node!.AsObject())];

    private static List<string?> Strings(JsonNode? array) =>
        [.. (array?.AsArray() ?? []).Select(node => node is JsonValue value ? value.GetValue<string>() : (string?)node?["id"])];

    private async Task<ChainIdentity> NewIdentityAsync(bool funded)
    {
        var path = directory.File($"{Guid.NewGuid():N}.jwk");
        var did = (await CliRun.RunAsync("did", "create", "--out", path, "--chain-id", chain.ChainId.ToString(CultureInfo.InvariantCulture))).AssertExit(0).Stdout.TrimEnd('\n');
        using var key = KeyFiles.ReadPrivate(path);
        var address = key.PublicKey.ToEthereumAddress();
        if (funded)
        {
            await chain.FundAsync(address, OneEther);
        }

        return new ChainIdentity(path, did, address);
    }

    private async Task<CliRun> UpdateAsync(ChainIdentity owner, bool relayed, params string[] args) =>
        await CliRun.RunAsync(["did", "update", .. args, "--key", owner.KeyPath, .. relayed ? new[] { "--relay-key", relayKey } : [], .. Network]);

    private async Task<JsonObject> ResolveAsync(string did)
    {
        var run = (await CliRun.RunAsync(["did", "resolve", did, .. Network])).AssertExit(0);
        return run.Json["didDocument"]!.AsObject();
    }

    private async Task AssertReceiptAsync(CliRun run, ChainIdentity owner, string operation, bool relayed)
    {
        run.AssertExit(0);
        var json = run.Json;
        Assert.Equal(["did", "operation", "transactionHash", "blockNumber", "relayed", "from"], json.Select(member => member.Key));
        Assert.Equal(owner.Did, (string?)json["did"]);
        Assert.Equal(operation, (string?)json["operation"]);
        Assert.Equal(relayed, (bool)json["relayed"]!);
        var sender = relayed ? relayAddress : owner.Address;
        Assert.Equal(sender.ToString(), (string?)json["from"]);

        // The receipt printed is the chain's.
        var receipt = await chain.Rpc.GetTransactionReceiptAsync((string)json["transactionHash"]!);
        Assert.NotNull(receipt);
        Assert.True(receipt.Succeeded);
        Assert.Equal(receipt.BlockNumber, (ulong)json["blockNumber"]!);
        Assert.Equal(sender, receipt.From);
        Assert.Equal(chain.RegistryAddress, receipt.To);
        Assert.Equal(receipt.BlockNumber, await chain.CreateRegistry().GetChangedAsync(owner.Address));
    }

    /// <summary>
    /// A revocation is valid to its block's timestamp, inclusive (ethr-did-resolver's <c>validTo &gt;= now</c>), so a
    /// resolution in that same second still shows the entry: wait for the next second.
    /// </summary>
    private async Task WaitPastBlockTimeAsync(CliRun revocation)
    {
        var block = (ulong)revocation.Json["blockNumber"]!;
        var timestamp = (await chain.Rpc.GetBlockTimestampsAsync([block]))[block];
        while ((ulong)TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() <= timestamp)
        {
            await Task.Delay(100);
        }
    }

    private async Task<EthereumAddress> DeploySecondRegistryAsync()
    {
        var artifact = Path.Combine(Identity.TestSupport.RepositoryPaths.NodeModules, "ethr-did-registry", "artifacts", "contracts", "EthereumDIDRegistry.sol", "EthereumDIDRegistry.json");
        using var document = System.Text.Json.JsonDocument.Parse(await File.ReadAllBytesAsync(artifact));
        var bytecode = Hex.Decode(document.RootElement.GetProperty("bytecode").GetString()!);
        using var deployer = AnvilFixture.DevKey(8);
        var receipt = await new EthereumTransactionSender(chain.Rpc).SendAsync(deployer, null, bytecode);
        return receipt.ContractAddress!.Value;
    }

    private sealed record ChainIdentity(string KeyPath, string Did, EthereumAddress Address);
}
