using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Identity.Shared.Crypto;
using Identity.TestSupport.Chain;

namespace Identity.Cli.Tests;

/// <summary>
/// A temporary directory for the vc/vp command tests: key, claims and token files, and in-process runs of
/// <see cref="CliApplication.RunAsync"/> with captured streams.
/// </summary>
public sealed class VcWorkspace : IDisposable
{
    /// <summary>Longest a command may take in a test; a hanging command fails the test, not the run.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private int files;

    public VcWorkspace() => Path = Directory.CreateTempSubdirectory("identity-vc-tests-").FullName;

    public string Path { get; }

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>Writes <paramref name="content"/> to a new file and returns its path.</summary>
    public string Write(string content, string extension = "txt")
    {
        var path = System.IO.Path.Combine(Path, $"file{Interlocked.Increment(ref files)}.{extension}");
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Writes <paramref name="key"/> as a JWK key file, as <c>did create</c> does.</summary>
    public string WriteKey(PrivateKey key)
    {
        var path = System.IO.Path.Combine(Path, $"key{Interlocked.Increment(ref files)}.jwk");
        KeyFile.Write(path, key, kid: null);
        return path;
    }

    /// <summary>A networks file for <paramref name="chain"/>'s node and registry (the DIDs name it 0x7a69).</summary>
    public string WriteNetworks(AnvilFixture chain) => WriteNetworks(chain.RpcUrl, chain.ChainId, chain.RegistryAddress.ToString());

    /// <summary>A networks file for one chain.</summary>
    public string WriteNetworks(Uri rpcUrl, ulong chainId, string registry) =>
        Write(new JsonArray(new JsonObject { ["chainId"] = chainId, ["rpcUrl"] = rpcUrl.ToString(), ["registry"] = registry }).ToJsonString(), "json");

    /// <summary>Runs the tool in-process.</summary>
    public static async Task<VcRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = await CliApplication.RunAsync(args, stdout, stderr, CancellationToken.None).WaitAsync(Timeout);
        return new VcRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Issues a credential and writes the token to a file; fails the test unless the command succeeds.</summary>
    public async Task<string> IssueAsync(string keyFile, string subject, params string[] more)
    {
        var claims = Write("""{ "name": "Ada Lovelace", "insurer": "Example Health", "memberId": "XH-123" }""", "json");
        string[] type = more.Contains("--type") ? [] : ["--type", "HealthInsuranceCredential"];
        var run = (await RunAsync(["vc", "issue", "--key", keyFile, "--subject", subject, "--claims", claims, .. type, .. more])).AssertExit(0);
        return Write(run.Stdout, "jwt");
    }

    /// <summary>A loopback port nothing listens on (connection refused).</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
