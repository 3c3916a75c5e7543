using System.Text.Json.Nodes;
using Identity.Shared.StatusLists;
using Identity.TestSupport;

namespace Identity.Interop.Tests.Credentials;

/// <summary>
/// @digitalbazaar/vc-bitstring-status-list 2.0.1 (tests/node/status-list-interop.mjs) decodes the lists encoded here and
/// encodes lists we decode; encoded strings are never compared (GZIP headers differ between libraries), bits are.
/// </summary>
public sealed class StatusListInteropTests
{
    private static readonly long[] SetIndexes = [0, 1, 7, 8, 4242, 94567, 131_071];
    private static readonly long[] UnsetIndexes = [2, 6, 9, 4241, 4243, 94566, 131_070];

    [Theory]
    [InlineData(131_072)]
    [InlineData(1_048_576)]
    public async Task DecodeList_ListEncodedHere_HasTheSameBitsThere(int length)
    {
        var builder = new BitstringStatusListBuilder(length);
        foreach (var index in SetIndexes)
        {
            builder.Set(index, true);
        }

        var result = await RunAsync(new JsonObject
        {
            ["op"] = "decode",
            ["encodedList"] = builder.ToStatusList().Encode(),
            ["indexes"] = new JsonArray([.. SetIndexes.Concat(UnsetIndexes).Select(i => JsonValue.Create(i))]),
        });

        Assert.Equal(length, (int)result["length"]!);
        Assert.Equal(SetIndexes, result["set"]!.AsArray().Select(n => (long)n!));
        Assert.Equal(SetIndexes.Length, (int)result["count"]!);
    }

    [Theory]
    [InlineData(131_072)]
    [InlineData(1_048_576)]
    public async Task TryDecode_ListEncodedThere_HasTheSameBitsHere(int length)
    {
        var result = await RunAsync(new JsonObject
        {
            ["op"] = "encode",
            ["length"] = length,
            ["set"] = new JsonArray([.. SetIndexes.Select(i => JsonValue.Create(i))]),
        });

        Assert.True(BitstringStatusList.TryDecode((string)result["encodedList"]!, StatusListFormat.BitstringStatusList, null, out var list, out var error), error?.Message);
        Assert.Equal(length, list.Length);
        Assert.Equal(SetIndexes, Enumerable.Range(0, length).Where(i => list.GetBit(i)).Select(i => (long)i));
    }

    private static async Task<JsonNode> RunAsync(JsonObject request) =>
        JsonNode.Parse(await NodeScript.RunAsync("status-list-interop.mjs", request.ToJsonString()))!;
}
