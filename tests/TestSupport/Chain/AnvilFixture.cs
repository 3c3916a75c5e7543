using System.Diagnostics;
using System.Text.Json;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;
using Identity.Shared.Ethereum;
using Xunit;

namespace Identity.TestSupport.Chain;

/// <summary>
/// A real local chain for tests: starts anvil (from tests/node) on a free loopback port, deploys the
/// EthereumDIDRegistry artifact with our own transaction code, and stops that one process on dispose.
/// Use it as an xunit collection fixture: declare in the test assembly
/// <c>[CollectionDefinition(AnvilFixture.Collection)] public sealed class AnvilChainDefinition : ICollectionFixture&lt;AnvilFixture&gt;;</c>
/// and put <c>[Collection(AnvilFixture.Collection)]</c> on the test classes.
/// </summary>
public sealed class AnvilFixture : IAsyncLifetime, IDisposable
{
    /// <summary>The collection name test assemblies use.</summary>
    public const string Collection = "anvil";

    /// <summary>anvil's default chain id.</summary>
    public const ulong DefaultChainId = 31337;

    /// <summary>
    /// anvil's first ten dev accounts (mnemonic "test test … junk"), each funded with 10000 ETH. Key 0 deploys the
    /// registry; tests should each take keys of their own or fresh keys funded by <see cref="FundAsync"/>.
    /// </summary>
    public static readonly IReadOnlyList<string> DevPrivateKeys =
    [
        "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
        "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
        "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
        "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
        "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
        "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
        "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
        "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
        "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
    ];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private Process? process;
    private HttpClient? http;
    private EthereumRpcClient? rpc;

    /// <summary>The node's JSON-RPC URL (http://127.0.0.1:PORT).</summary>
    public Uri RpcUrl { get; private set; } = new("http://127.0.0.1:0");

    /// <summary>The chain id the node reports.</summary>
    public ulong ChainId { get; private set; }

    /// <summary>Where the EthereumDIDRegistry was deployed.</summary>
    public EthereumAddress RegistryAddress { get; private set; }

    /// <summary>A client for the node with short test limits.</summary>
    public EthereumRpcClient Rpc => rpc ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The port anvil listens on (to restart it in fault tests).</summary>
    public int Port { get; private set; }

    /// <summary>A dev account's key (index 0..9).</summary>
    public static PrivateKey DevKey(int index) => PrivateKey.Import(KeyType.Secp256k1, Hex.Decode(DevPrivateKeys[index]));

    /// <summary>A registry client over <see cref="Rpc"/>.</summary>
    public EthereumDidRegistry CreateRegistry(EthereumDidRegistryOptions? options = null) => new(Rpc, RegistryAddress, options);

    /// <summary>Creates a new client for this node with <paramref name="configure"/> applied to the options.</summary>
    public EthereumRpcClient CreateRpc(Func<EthereumRpcOptions, EthereumRpcOptions>? configure = null)
    {
        var options = new EthereumRpcOptions { Url = RpcUrl, Timeout = TimeSpan.FromSeconds(10), MaxRetries = 2 };
        return new EthereumRpcClient(http!, configure is null ? options : configure(options));
    }

    /// <summary>Starts anvil and deploys the registry.</summary>
    public async Task InitializeAsync()
    {
        http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        await StartNodeAsync(LoopbackPort.Free()).ConfigureAwait(false);
        rpc = CreateRpc();
        ChainId = await rpc.GetChainIdAsync().ConfigureAwait(false);
        RegistryAddress = await DeployRegistryAsync().ConfigureAwait(false);
    }

    /// <summary>Stops anvil (only the process this fixture started).</summary>
    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Stops anvil and releases the HTTP client.</summary>
    public void Dispose()
    {
        StopNode();
        http?.Dispose();
        http = null;
    }

    /// <summary>Stops the node, keeping its port (fault tests: connection refused).</summary>
    public void StopNode()
    {
        if (process is { } running)
        {
            try
            {
                if (!running.HasExited)
                {
                    running.Kill(entireProcessTree: true);
                    running.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            running.Dispose();
            process = null;
        }
    }

    /// <summary>
    /// Restarts a stopped node on the same port. The chain state starts empty again, so the registry is
    /// redeployed (same deployer and nonce 0, hence the same address).
    /// </summary>
    public async Task RestartNodeAsync()
    {
        StopNode();
        await StartNodeAsync(Port).ConfigureAwait(false);
        var address = await DeployRegistryAsync().ConfigureAwait(false);
        if (address != RegistryAddress)
        {
            throw new InvalidOperationException($"The registry redeployed at {address}, not {RegistryAddress}.");
        }
    }

    /// <summary>Sends <paramref name="wei"/> from dev account 9 to <paramref name="to"/> (for fresh relay or owner keys).</summary>
    public async Task FundAsync(EthereumAddress to, System.Numerics.BigInteger wei)
    {
        using var funder = DevKey(9);
        await new EthereumTransactionSender(Rpc).SendAsync(funder, to, ReadOnlyMemory<byte>.Empty, wei).ConfigureAwait(false);
    }

    private async Task StartNodeAsync(int port)
    {
        var binary = Path.Combine(RepositoryPaths.NodeModules, "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"{binary} is missing: run scripts/setup.sh (npm ci in tests/node).");
        }

        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        Port = port;
        RpcUrl = new Uri($"http://127.0.0.1:{port}");
        process = Process.Start(start) ?? throw new InvalidOperationException("anvil did not start.");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var probe = new EthereumRpcClient(http!, new EthereumRpcOptions { Url = RpcUrl, Timeout = TimeSpan.FromSeconds(2), MaxRetries = 0 });
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await probe.GetChainIdAsync().ConfigureAwait(false);
                return;
            }
            catch (EthereumRpcException) when (watch.Elapsed < StartTimeout && !process.HasExited)
            {
                await Task.Delay(50).ConfigureAwait(false);
            }
            catch (EthereumRpcException e)
            {
                StopNode();
                throw new InvalidOperationException($"anvil did not answer on {RpcUrl} within {StartTimeout}.", e);
            }
        }
    }

    private async Task<EthereumAddress> DeployRegistryAsync()
    {
        var artifact = Path.Combine(RepositoryPaths.NodeModules, "ethr-did-registry", "artifacts", "contracts", "EthereumDIDRegistry.sol", "EthereumDIDRegistry.json");
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(artifact).ConfigureAwait(false));
        var bytecode = Hex.Decode(document.RootElement.GetProperty("bytecode").GetString()!);
        using var deployer = DevKey(0);
        var receipt = await new EthereumTransactionSender(Rpc).SendAsync(deployer, null, bytecode).ConfigureAwait(false);
        return receipt.ContractAddress ?? throw new InvalidOperationException("The deployment receipt has no contract address.");
    }
}
