using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;
using Identity.Shared.Dids.Ethr;

namespace Identity.Cli;

/// <summary>
/// The network options of DESIGN.md: <c>--rpc-url URL --chain-id N [--registry 0xADDRESS]</c> for one chain, or
/// <c>--networks FILE.json</c> (an array of <c>{ name, chainId, rpcUrl, registry }</c>) for several.
/// </summary>
internal sealed class NetworkOptions
{
    private const int MaxNetworksFileBytes = 256 * 1024;

    private NetworkOptions()
    {
    }

    // System.CommandLine has no built-in Uri conversion (GetValue threw InvalidOperationException): parse here.
    public Option<Uri> RpcUrl { get; } = new("--rpc-url")
    {
        Description = "JSON-RPC endpoint of the chain's node.",
        HelpName = "URL",
        CustomParser = ParseRpcUrl,
    };

    public Option<ulong?> ChainId { get; } = new("--chain-id") { HelpName = "N", Description = "Chain id of --rpc-url (names the network 0x<hex> in DIDs; 1 is mainnet)." };

    public Option<string> Registry { get; } = new("--registry") { HelpName = "0xADDRESS", Description = "EthereumDIDRegistry address (default: " + EthrNetwork.DefaultRegistry + ")." };

    public Option<FileInfo> NetworksFile { get; } = new("--networks") { HelpName = "FILE.json", Description = "JSON file with several networks: [{ \"name\", \"chainId\", \"rpcUrl\", \"registry\" }]." };

    public static NetworkOptions AddTo(Command command)
    {
        var options = new NetworkOptions();
        command.Options.Add(options.RpcUrl);
        command.Options.Add(options.ChainId);
        command.Options.Add(options.Registry);
        command.Options.Add(options.NetworksFile);
        return options;
    }

    /// <summary>The configured did:ethr options, or null when no network option was given.</summary>
    public EthrDidOptions? Read(ParseResult parseResult)
    {
        var file = parseResult.GetValue(NetworksFile);
        var rpcUrl = parseResult.GetValue(RpcUrl);
        var chainId = parseResult.GetValue(ChainId);
        var registry = parseResult.GetValue(Registry);
        if (file is not null && (rpcUrl is not null || chainId is not null || registry is not null))
        {
            throw CliException.BadInput("use either --networks or --rpc-url/--chain-id/--registry, not both");
        }

        var options = new EthrDidOptions();
        if (file is not null)
        {
            foreach (var network in ReadNetworksFile(file))
            {
                options.Networks.Add(network);
            }
        }
        else if (rpcUrl is not null || chainId is not null || registry is not null)
        {
            if (rpcUrl is null || chainId is null)
            {
                throw CliException.BadInput("--rpc-url and --chain-id go together");
            }

            options.Networks.Add(new EthrNetwork
            {
                Name = chainId == 1 ? "mainnet" : null,
                ChainId = chainId.Value,
                RpcUrl = rpcUrl,
                Registry = registry ?? EthrNetwork.DefaultRegistry,
            });
        }
        else
        {
            return null;
        }

        try
        {
            options.Validate();
        }
        catch (InvalidOperationException e)
        {
            throw CliException.BadInput(e.Message);
        }

        return options;
    }

    private static List<EthrNetwork> ReadNetworksFile(FileInfo file)
    {
        if (!file.Exists)
        {
            throw CliException.BadInput($"networks file {file.FullName}: not found");
        }

        if (file.Length > MaxNetworksFileBytes)
        {
            throw CliException.BadInput($"networks file {file.FullName}: larger than {MaxNetworksFileBytes} bytes");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file.FullName), new JsonDocumentOptions { MaxDepth = 8, AllowDuplicateProperties = false });
            var root = document.RootElement;
            var array = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("networks", out var inner) ? inner : root;
            if (array.ValueKind != JsonValueKind.Array)
            {
                throw CliException.BadInput($"networks file {file.FullName}: expected an array of networks (or {{ \"networks\": [...] }})");
            }

            var networks = new List<EthrNetwork>();
            foreach (var item in array.EnumerateArray())
            {
                networks.Add(new EthrNetwork
                {
                    Name = OptionalString(item, "name"),
                    ChainId = item.TryGetProperty("chainId", out var chain) && chain.TryGetUInt64(out var id) ? id : 0,
                    RpcUrl = Uri.TryCreate(OptionalString(item, "rpcUrl"), UriKind.Absolute, out var url) ? url : null,
                    Registry = OptionalString(item, "registry") ?? EthrNetwork.DefaultRegistry,
                });
            }

            return networks;
        }
        catch (JsonException e)
        {
            throw CliException.BadInput($"networks file {file.FullName}: not valid JSON ({e.Message})");
        }
        catch (InvalidOperationException e)
        {
            throw CliException.BadInput($"networks file {file.FullName}: {e.Message}");
        }
    }

    private static Uri? ParseRpcUrl(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        result.AddError($"--rpc-url '{text}' is not an absolute http(s) URL.");
        return null;
    }

    private static string? OptionalString(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
