using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Dids.Ethr;
using Identity.Shared.Ethereum;
using Identity.TestSupport.Chain;

namespace Identity.Chain.Tests.Dids;

/// <summary>
/// How the resolver reads a history: one <c>eth_getLogs</c> over the identity's topic when the node allows it, and
/// ethr-did-resolver's walk of the <c>changed()</c> linked list (one request per changed block) when a node refuses
/// wide ranges or answers with a history that does not add up. Requests are counted at a proxy in front of anvil.
/// </summary>
[Collection(AnvilFixture.Collection)]
public sealed class EthrDidResolverHistoryTests(AnvilFixture chain)
{
    private const int Changes = 50;

    [Fact]
    public async Task Resolve_FiftyChanges_FewRoundTripsOrOnePerBlockWhenRangesAreRefused()
    {
        var (did, blocks) = await CreateHistoryAsync();
        var direct = await ResolveAsync(chain.RpcUrl, did);
        Assert.True(direct.IsSuccess, direct.DidResolutionMetadata.Message);
        Assert.Equal(blocks[^1].ToString(CultureInfo.InvariantCulture), direct.DidDocumentMetadata.VersionId);

        await using var proxy = new JsonRpcProxy(chain.RpcUrl);
        var fast = await ResolveAsync(proxy.Url, did);
        AssertSameResult(direct, fast);
        Assert.InRange(proxy.HttpRequests, 1, 3);
        Assert.Equal(1, proxy.Calls.Count(c => c == "eth_getLogs"));
        Assert.Equal(1, proxy.Calls.Count(c => c == "eth_call"));

        proxy.ResetCounts();
        proxy.MaxLogsBlockRange = 1;
        var walked = await ResolveAsync(proxy.Url, did);
        AssertSameResult(direct, walked);
        Assert.Equal(1 + Changes, proxy.Calls.Count(c => c == "eth_getLogs")); // the refused one, then one per changed block
        Assert.InRange(proxy.HttpRequests, 1 + Changes, 3 + Changes);
    }

    [Fact]
    public async Task Resolve_WalkOnASlowNode_StopsAtTheResolutionDeadline()
    {
        // Each call is well within its own timeout, but a walk of many blocks is not: the whole resolution is bounded.
        var (did, _) = await CreateHistoryAsync(changes: 12);
        await using var proxy = new JsonRpcProxy(chain.RpcUrl) { MaxLogsBlockRange = 1, Delay = TimeSpan.FromMilliseconds(150) };
        var options = EthrTestChain.Options(chain, proxy.Url);
        options.ResolutionTimeout = TimeSpan.FromSeconds(1);
        var resolver = new EthrDidResolver(options, _ => new HttpClient());

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await resolver.ResolveAsync(DidUrl.Parse(did), new DidResolutionOptions(), CancellationToken.None);

        Assert.Equal(DidResolutionErrors.InternalError, result.DidResolutionMetadata.Error);
        Assert.Contains("longer than 1 s", result.DidResolutionMetadata.Message, StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
        // The walk began and was cut short: how far it got in 1 s depends on the machine (a cold, loaded one managed one call).
        Assert.InRange(proxy.Calls.Count(c => c == "eth_getLogs"), 1, 11);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    public async Task Resolve_RangeRefusedWithAnyStatus_FallsBackToTheWalk(HttpStatusCode status)
    {
        var (did, _) = await CreateHistoryAsync(changes: 5);
        var direct = await ResolveAsync(chain.RpcUrl, did);
        await using var proxy = new JsonRpcProxy(chain.RpcUrl) { MaxLogsBlockRange = 1, RefusalStatus = status };

        AssertSameResult(direct, await ResolveAsync(proxy.Url, did));
        Assert.Equal(1 + 5, proxy.Calls.Count(c => c == "eth_getLogs"));
    }

    [Fact]
    public async Task Resolve_NodeReturnsAnotherIdentitysLogs_Ignored()
    {
        // A node that ignores the topic filter: a copy of each log, re-addressed to another identity, must not count.
        var (did, _) = await CreateHistoryAsync(changes: 6);
        var direct = await ResolveAsync(chain.RpcUrl, did);
        var stranger = "0x000000000000000000000000" + EthrTestChain.RandomAddress().ToLowerHex()[2..];
        JsonObject AddStrangers(JsonObject request, JsonObject response)
        {
            if (request["method"]!.GetValue<string>() == "eth_getLogs" && response["result"] is JsonArray logs)
            {
                foreach (var log in logs.ToList())
                {
                    var copy = log!.DeepClone().AsObject();
                    copy["topics"]![1] = stranger;
                    copy["logIndex"] = "0x" + (Convert.ToUInt64(copy["logIndex"]!.GetValue<string>()[2..], 16) + 100).ToString("x", CultureInfo.InvariantCulture);
                    logs.Add(copy);
                }
            }

            return response;
        }

        await using var proxy = new JsonRpcProxy(chain.RpcUrl) { Rewrite = AddStrangers };
        AssertSameResult(direct, await ResolveAsync(proxy.Url, did));
        Assert.Equal(1, proxy.Calls.Count(c => c == "eth_getLogs"));

        proxy.ResetCounts();
        proxy.MaxLogsBlockRange = 1;
        AssertSameResult(direct, await ResolveAsync(proxy.Url, did));
        Assert.Equal(1 + 6, proxy.Calls.Count(c => c == "eth_getLogs"));
    }

    [Fact]
    public async Task Resolve_ChangeMinedAfterTheChangedRead_LeftForTheNextResolutionWithoutAWalk()
    {
        // changed() answered before the last change was mined, eth_getLogs after: the document is the one at the
        // block changed() named, read from the same single eth_getLogs.
        var (did, blocks) = await CreateHistoryAsync(changes: 6);
        var earlier = "0x" + blocks[4].ToString("x64", CultureInfo.InvariantCulture);
        await using var proxy = new JsonRpcProxy(chain.RpcUrl)
        {
            Rewrite = (request, response) =>
            {
                if (request["method"]!.GetValue<string>() == "eth_call")
                {
                    response["result"] = earlier;
                }

                return response;
            },
        };

        var result = await ResolveAsync(proxy.Url, did);
        var atEarlier = await ResolveAsync(chain.RpcUrl, $"{did}?versionId={blocks[4]}");

        Assert.True(result.IsSuccess, result.DidResolutionMetadata.Message);
        Assert.Equal(blocks[4].ToString(CultureInfo.InvariantCulture), result.DidDocumentMetadata.VersionId);
        Assert.Equal(atEarlier.DidDocument!.ToJson(), result.DidDocument!.ToJson());
        Assert.Equal(1, proxy.Calls.Count(c => c == "eth_getLogs"));
    }

    [Fact]
    public async Task Resolve_HistoricVersionsWithRangesRefused_SameAsDirect()
    {
        var (did, blocks) = await CreateHistoryAsync(changes: 12);
        await using var proxy = new JsonRpcProxy(chain.RpcUrl) { MaxLogsBlockRange = 1 };

        foreach (var version in new[] { blocks[0], blocks[5], blocks[11], blocks[0] - 1 })
        {
            var url = $"{did}?versionId={version}";
            var direct = await ResolveAsync(chain.RpcUrl, url);
            Assert.True(direct.IsSuccess, direct.DidResolutionMetadata.Message);
            AssertSameResult(direct, await ResolveAsync(proxy.Url, url));
        }
    }

    [Fact]
    public async Task Resolve_WideAnswerMissingALog_FallsBackToTheWalk()
    {
        // A node that answers the wide query with a history that does not reach the start of the linked list (a
        // lagging index, a truncated answer) must not produce a document: the walk reads the truth.
        var (did, _) = await CreateHistoryAsync(changes: 6);
        var direct = await ResolveAsync(chain.RpcUrl, did);
        await using var proxy = new JsonRpcProxy(chain.RpcUrl)
        {
            Rewrite = (request, response) =>
            {
                var filter = request["method"]!.GetValue<string>() == "eth_getLogs" ? request["params"]![0]! : null;
                if (filter is not null && filter["fromBlock"]!.GetValue<string>() != filter["toBlock"]!.GetValue<string>() && response["result"] is JsonArray logs && logs.Count > 0)
                {
                    logs.RemoveAt(0);
                }

                return response;
            },
        };

        var result = await ResolveAsync(proxy.Url, did);

        AssertSameResult(direct, result);
        Assert.Equal(1 + 6, proxy.Calls.Count(c => c == "eth_getLogs"));
    }

    [Fact]
    public async Task Resolve_TwoEventsInOneBlock_SameAsWalk()
    {
        // Two changes of one identity in one block (the owner's own transaction and a relayed one): the second event's
        // previousChange points into the block itself, which neither reader may follow.
        using var key = await EthrTestChain.FundedKeyAsync(chain);
        var identity = EthrTestChain.Address(key);
        var registry = chain.CreateRegistry();
        await registry.SendAsync(new AddDelegateOperation(identity, "veriKey", EthrTestChain.RandomAddress(), 86_400), key);
        var signed = await registry.SignAsync(new SetAttributeOperation(identity, "did/svc/Relayed", "https://relayed.example.com"u8.ToArray(), 86_400), key);
        using var anvil = new HttpClient();
        await AnvilAsync(anvil, "evm_setAutomine", "false");
        try
        {
            var own = registry.SendAsync(new SetAttributeOperation(identity, "did/svc/Own", "https://own.example.com"u8.ToArray(), 86_400), key);
            var relayed = registry.SendSignedAsync(signed, AnvilFixture.DevKey(1));
            for (var i = 0; i < 100 && (await AnvilAsync(anvil, "txpool_status", string.Empty))!["pending"]!.GetValue<string>() != "0x2"; i++)
            {
                await Task.Delay(50);
            }

            await AnvilAsync(anvil, "evm_mine", string.Empty);
            Assert.Equal((await own).BlockNumber, (await relayed).BlockNumber);
        }
        finally
        {
            await AnvilAsync(anvil, "evm_setAutomine", "true");
        }

        var did = EthrTestChain.Did(key);
        var direct = await ResolveAsync(chain.RpcUrl, did);
        await using var proxy = new JsonRpcProxy(chain.RpcUrl) { MaxLogsBlockRange = 1 };
        var walked = await ResolveAsync(proxy.Url, did);

        AssertSameResult(direct, walked);
        Assert.Equal(2, direct.DidDocument!.Service!.Count);
        Assert.Equal(1 + 2, proxy.Calls.Count(c => c == "eth_getLogs"));
    }

    private async Task<(string Did, List<ulong> Blocks)> CreateHistoryAsync(int changes = Changes)
    {
        var registry = chain.CreateRegistry();
        using var key = await EthrTestChain.FundedKeyAsync(chain);
        var identity = EthrTestChain.Address(key);
        var blocks = new List<ulong>();
        for (var i = 0; i < changes; i++)
        {
            TransactionReceipt receipt = (i % 4) switch
            {
                0 => await registry.SendAsync(new AddDelegateOperation(identity, i % 8 == 0 ? "veriKey" : "sigAuth", EthrTestChain.RandomAddress(), 86_400), key),
                1 => await registry.SendAsync(new SetAttributeOperation(identity, "did/svc/Service" + i.ToString(CultureInfo.InvariantCulture), System.Text.Encoding.UTF8.GetBytes($"https://s{i}.example.com"), 86_400), key),
                2 => await registry.SendAsync(new RevokeAttributeOperation(identity, "did/svc/Service" + (i - 1).ToString(CultureInfo.InvariantCulture), System.Text.Encoding.UTF8.GetBytes($"https://s{i - 1}.example.com")), key),
                _ => await registry.SendAsync(new SetAttributeOperation(identity, "did/pub/Secp256k1/veriKey/hex", PrivateKey.Generate(KeyType.Secp256k1).PublicKey.ToCompressed(), 86_400), key),
            };
            blocks.Add(receipt.BlockNumber);
        }

        return (EthrTestChain.Did(key), blocks);
    }

    private async Task<DidResolutionResult> ResolveAsync(Uri rpcUrl, string didUrl)
    {
        var resolver = new EthrDidResolver(EthrTestChain.Options(chain, rpcUrl), _ => new HttpClient());
        return await resolver.ResolveAsync(DidUrl.Parse(didUrl), new DidResolutionOptions(), CancellationToken.None);
    }

    private async Task<JsonNode?> AnvilAsync(HttpClient http, string method, string parameters)
    {
        using var content = new StringContent($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"{method}\",\"params\":[{parameters}]}}", System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(chain.RpcUrl, content);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return answer["error"] is null ? answer["result"] : throw new InvalidOperationException($"anvil {method}: {answer.ToJsonString()}");
    }

    private static void AssertSameResult(DidResolutionResult expected, DidResolutionResult actual)
    {
        Assert.True(actual.IsSuccess, actual.DidResolutionMetadata.Message);
        Assert.Equal(expected.ToJson(), actual.ToJson());
    }
}
