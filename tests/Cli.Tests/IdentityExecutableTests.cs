using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Identity.Shared.Dids;
using Identity.TestSupport.Chain;

namespace Identity.Cli.Tests;

/// <summary>The built <c>identity</c> binary, run as a process: what a user or a script actually gets.</summary>
[Collection(AnvilFixture.Collection)]
public sealed class IdentityExecutableTests(AnvilFixture chain) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Binary_CreateResolveAndBadInput_ExitCodesAndStreamsAsDesigned()
    {
        var path = directory.File("holder.jwk");

        var created = await RunAsync("did", "create", "--out", path, "--method", "key", "--key-type", "ed25519");
        Assert.Equal(0, created.ExitCode);
        var did = created.Stdout.TrimEnd('\n');
        using var key = KeyFiles.ReadPrivate(path);
        Assert.Equal(DidKeyResolver.CreateDid(key.PublicKey), did);
        KeyFiles.AssertOwnerOnly(path);

        var resolved = await RunAsync("did", "resolve", did);
        Assert.Equal(0, resolved.ExitCode);
        Assert.Equal(did, (string?)resolved.Json["didDocument"]!["id"]);

        var bad = await RunAsync("did", "resolve", "did:key:nonsense");
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("identity: ", bad.Stderr, StringComparison.Ordinal);

        var help = await RunAsync("did", "update", "attribute", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("identity did update attribute [options]", help.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_RelayedUpdate_PrintsTheReceiptAndResolves()
    {
        var ownerPath = directory.File("patient.jwk");
        var relayPath = directory.File("hospital.jwk");
        using (var relay = AnvilFixture.DevKey(2))
        {
            KeyFile.Write(relayPath, relay, kid: null);
        }

        var network = new[] { "--rpc-url", chain.RpcUrl.ToString(), "--chain-id", chain.ChainId.ToString(CultureInfo.InvariantCulture), "--registry", chain.RegistryAddress.ToString() };
        var did = (await RunAsync("did", "create", "--out", ownerPath, "--chain-id", chain.ChainId.ToString(CultureInfo.InvariantCulture))).Stdout.TrimEnd('\n');

        var update = await RunAsync(["did", "update", "attribute", "--key", ownerPath, "--relay-key", relayPath, "--name", "did/svc/LinkedDomains", "--value-text", "https://patient.example", .. network]);

        Assert.True(update.ExitCode == 0, update.Stderr);
        Assert.Equal(did, (string?)update.Json["did"]);
        Assert.True((bool)update.Json["relayed"]!);
        var resolved = await RunAsync(["did", "resolve", did, .. network]);
        Assert.Equal("https://patient.example", (string?)resolved.Json["didDocument"]!["service"]![0]!["serviceEndpoint"]);
    }

    private static async Task<CliRun> RunAsync(params string[] args)
    {
        var binary = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "identity.exe" : "identity");
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("identity did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CliRun.Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}
