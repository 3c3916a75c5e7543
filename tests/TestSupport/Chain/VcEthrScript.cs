using System.Text.Json.Nodes;

namespace Identity.TestSupport.Chain;

/// <summary>tests/node/vc-ethr.mjs: did-jwt-vc and ethr-did-resolver running ops against a chain this process started.</summary>
public static class VcEthrScript
{
    /// <summary>Runs <paramref name="ops"/> with the chain known to the script as <paramref name="network"/>; returns their results.</summary>
    public static async Task<JsonArray> RunAsync(AnvilFixture chain, string network, IEnumerable<JsonObject> ops)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var request = new JsonObject
        {
            ["networks"] = new JsonArray(new JsonObject
            {
                ["name"] = network,
                ["chainId"] = chain.ChainId,
                ["rpcUrl"] = chain.RpcUrl.ToString(),
                ["registry"] = chain.RegistryAddress.ToString(),
            }),
            ["ops"] = new JsonArray([.. ops]),
        };
        return JsonNode.Parse(await NodeScript.RunAsync("vc-ethr.mjs", request.ToJsonString()))!["results"]!.AsArray();
    }
}
