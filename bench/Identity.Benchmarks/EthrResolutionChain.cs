using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;
using Identity.Shared.Ethereum;

namespace Identity.Benchmarks;

/// <summary>
/// A local chain for the did:ethr benchmarks: anvil from tests/node on a free loopback port with the
/// EthereumDIDRegistry deployed, identities with histories of a chosen length, and ethr-did-resolver (node) timed
/// on the same chain. A small copy of the tests' AnvilFixture, so that the benchmarks need no xunit.
/// </summary>
internal sealed class EthrResolutionChain : IDisposable
{
    public const string Network = "dev";

    // anvil's dev accounts 0 (deployer) and 9 (funder), from the mnemonic "test test … junk".
    private const string DeployerKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string FunderKey = "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6";

    // ethers' JsonRpcProvider tuned for a local node: no 10 ms batch stall (batchMaxCount 1), no chain-id probe
    // (staticNetwork), and no 250 ms request cache, which would otherwise answer repeated resolutions from memory.
    private const string TunedScript = """
        import { Resolver } from 'did-resolver'
        import { getResolver } from 'ethr-did-resolver'
        import { JsonRpcProvider } from 'ethers'
        const input = JSON.parse(await new Promise((resolve) => { let t = ''; process.stdin.on('data', (c) => (t += c)); process.stdin.on('end', () => resolve(t)) }))
        const resolver = new Resolver(getResolver({ networks: input.networks.map((n) => ({ name: n.name, chainId: n.chainId, registry: n.registry,
          provider: new JsonRpcProvider(n.rpcUrl, n.chainId, { staticNetwork: true, batchMaxCount: 1, cacheTimeout: -1 }) })) }), { cache: false })
        const millisecondsPerResolution = []
        const results = []
        for (const did of input.dids) {
          let result
          const started = process.hrtime.bigint()
          for (let i = 0; i < input.repeat; i++) result = await resolver.resolve(did)
          millisecondsPerResolution.push(Number(process.hrtime.bigint() - started) / 1e6 / input.repeat)
          results.push(result)
        }
        process.stdout.write(JSON.stringify({ results, millisecondsPerResolution }))
        """;

    private readonly Process process;
    private readonly HttpClient http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private EthrResolutionChain(Process process, Uri rpcUrl)
    {
        this.process = process;
        RpcUrl = rpcUrl;
        Rpc = new EthereumRpcClient(http, new EthereumRpcOptions { Url = rpcUrl, Timeout = TimeSpan.FromSeconds(10), MaxRetries = 0 });
    }

    public Uri RpcUrl { get; }

    public EthereumRpcClient Rpc { get; }

    public ulong ChainId { get; private set; }

    public EthereumAddress Registry { get; private set; }

    public static string RepositoryRoot { get; } = FindRoot();

    private static string NodeProject => Path.Combine(RepositoryRoot, "tests", "node");

    public static async Task<EthrResolutionChain> StartAsync()
    {
        var port = FreePort();
        var binary = Path.Combine(NodeProject, "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start (run scripts/setup.sh).");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var url = new Uri($"http://127.0.0.1:{port}");
        var chain = new EthrResolutionChain(process, url);
        var rpc = chain.Rpc;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                chain.ChainId = await rpc.GetChainIdAsync().ConfigureAwait(false);
                break;
            }
            catch (EthereumRpcException) when (watch.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited)
            {
                await Task.Delay(50).ConfigureAwait(false);
            }
        }

        var artifact = Path.Combine(NodeProject, "node_modules", "ethr-did-registry", "artifacts", "contracts", "EthereumDIDRegistry.sol", "EthereumDIDRegistry.json");
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(artifact).ConfigureAwait(false));
        using var deployer = Key(DeployerKey);
        var receipt = await new EthereumTransactionSender(rpc).SendAsync(deployer, null, Hex.Decode(json.RootElement.GetProperty("bytecode").GetString()!)).ConfigureAwait(false);
        chain.Registry = receipt.ContractAddress ?? throw new InvalidOperationException("The registry deployment has no contract address.");
        return chain;
    }

    /// <summary>A funded identity with <paramref name="changes"/> registry changes (delegates, services, keys, revocations), one per block.</summary>
    public async Task<string> CreateIdentityAsync(int changes)
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);
        var identity = key.PublicKey.ToEthereumAddress();
        using (var funder = Key(FunderKey))
        {
            await new EthereumTransactionSender(Rpc).SendAsync(funder, identity, ReadOnlyMemory<byte>.Empty, BigInteger.Pow(10, 18)).ConfigureAwait(false);
        }

        var registry = new EthereumDidRegistry(Rpc, Registry);
        for (var i = 0; i < changes; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            RegistryOperation operation = (i % 5) switch
            {
                0 => new AddDelegateOperation(identity, i % 2 == 0 ? "veriKey" : "sigAuth", EthereumAddress.FromBytes(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)), 86_400),
                1 => new SetAttributeOperation(identity, "did/svc/Service" + n, Encoding.UTF8.GetBytes($"https://s{n}.example.com"), 86_400),
                2 => new SetAttributeOperation(identity, "did/pub/Ed25519/veriKey/base58", PrivateKey.Generate(KeyType.Ed25519).PublicKey.Bytes, 86_400),
                3 => new RevokeAttributeOperation(identity, "did/svc/Service" + (i - 2).ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes($"https://s{i - 2}.example.com")),
                _ => new SetAttributeOperation(identity, "did/pub/Secp256k1/sigAuth/hex", PrivateKey.Generate(KeyType.Secp256k1).PublicKey.ToCompressed(), 86_400),
            };
            await registry.SendAsync(operation, key).ConfigureAwait(false);
        }

        return $"did:ethr:{Network}:{identity}";
    }

    /// <summary>
    /// ethr-did-resolver's milliseconds per resolution of <paramref name="did"/>, with its default provider
    /// (tests/node/ethr-resolve.mjs) or a tuned one; the first of two passes warms up and is discarded.
    /// </summary>
    public async Task<double> TimeEthrDidResolverAsync(string did, int repeat, bool tuned)
    {
        var request = new JsonObject
        {
            ["networks"] = new JsonArray(new JsonObject { ["name"] = Network, ["chainId"] = ChainId, ["rpcUrl"] = RpcUrl.ToString(), ["registry"] = Registry.ToString() }),
            ["dids"] = new JsonArray(did, did),
            ["repeat"] = repeat,
        };
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = NodeProject,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (tuned)
        {
            // Inline, from tests/node, so that its node_modules resolve.
            start.ArgumentList.Add("--input-type=module");
            start.ArgumentList.Add("-e");
            start.ArgumentList.Add(TunedScript);
        }
        else
        {
            start.ArgumentList.Add(Path.Combine(NodeProject, "ethr-resolve.mjs"));
        }

        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.StandardInput.WriteAsync(request.ToJsonString()).ConfigureAwait(false);
        node.StandardInput.Close();
        await node.WaitForExitAsync().ConfigureAwait(false);
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"node exited {node.ExitCode}: {await stderr.ConfigureAwait(false)}");
        }

        var output = JsonNode.Parse(await stdout.ConfigureAwait(false))!;
        var result = output["results"]![1]!;
        if (result["didResolutionMetadata"]?["error"] is not null)
        {
            throw new InvalidOperationException($"ethr-did-resolver failed: {result.ToJsonString()}");
        }

        return output["millisecondsPerResolution"]![1]!.GetValue<double>();
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        http.Dispose();
    }

    private static PrivateKey Key(string hex) => PrivateKey.Import(KeyType.Secp256k1, Hex.Decode(hex));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Identity.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Identity.sln not found above " + AppContext.BaseDirectory);
    }
}
