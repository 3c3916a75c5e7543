using Identity.Shared.Crypto;
using Identity.Shared.Dids;

namespace Identity.Cli.Tests.Commands;

/// <summary>Resolution without a chain: did:key, did:jwk and bad input. did:ethr is in <see cref="DidEthrChainTests"/>.</summary>
public sealed class DidResolveCommandTests
{
    // A closed port: a test that expects a local refusal would see exit 3 if anything reached for the network.
    private static readonly string[] NoNode = ["--rpc-url", "http://127.0.0.1:1", "--chain-id", "31337"];

    [Theory]
    [InlineData(KeyType.Ed25519)]
    [InlineData(KeyType.Secp256k1)]
    [InlineData(KeyType.P256)]
    public async Task Resolve_DidJwk_DocumentCarriesTheKey(KeyType type)
    {
        using var key = PrivateKey.Generate(type);
        var did = DidJwkResolver.CreateDid(Jwk.FromPublicKey(key.PublicKey));

        var run = (await CliRun.RunAsync("did", "resolve", did)).AssertExit(0);

        Assert.Equal(did, run.Json["didDocument"]!["id"]!.GetValue<string>());
        Assert.Equal(key.PublicKey, KeyFiles.FirstPublicKey(run));
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Resolve_DidKeyVector_MatchesTheSpecExample()
    {
        // did:key spec (w3c-ccg/did-method-key) Ed25519 example.
        const string did = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";

        var run = (await CliRun.RunAsync("did", "resolve", did, "--accept", "application/did+json")).AssertExit(0);

        Assert.Equal(did, run.Json["didDocument"]!["id"]!.GetValue<string>());
        Assert.Null(run.Json["didDocument"]!["@context"]);
        Assert.Equal(KeyType.Ed25519, KeyFiles.FirstPublicKey(run).Type);
    }

    [Theory]
    [InlineData("not-a-did")]
    [InlineData("did:")]
    [InlineData("did:key:zNotBase58!")]
    [InlineData("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2do")]
    [InlineData("did:jwk:e30")]
    [InlineData("did:ethr:0x7a69:0x123")]
    [InlineData("did:example:123")]
    public async Task Resolve_BadDid_ExitsTwoWithTheResolutionError(string did)
    {
        var run = (await CliRun.RunAsync(["did", "resolve", did, .. NoNode])).AssertExit(2);

        Assert.NotNull(run.Json["didResolutionMetadata"]!["error"]);
        Assert.Null(run.Json["didDocument"]);
    }

    [Fact]
    public async Task Resolve_EthrOnUnconfiguredNetwork_ExitsTwoNamingTheError()
    {
        var run = (await CliRun.RunAsync(["did", "resolve", "did:ethr:sepolia:0xb9c5714089478a327f09197987f16f9e5d936e8a", .. NoNode])).AssertExit(2);

        Assert.Equal("unknownNetwork", run.Json["didResolutionMetadata"]!["error"]!.GetValue<string>());
        Assert.Contains("unknownNetwork", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_EthrWithoutNetworkOptions_ExitsTwo()
    {
        var run = (await CliRun.RunAsync("did", "resolve", "did:ethr:0xb9c5714089478a327f09197987f16f9e5d936e8a")).AssertExit(2);

        Assert.NotNull(run.Json["didResolutionMetadata"]!["error"]);
    }

    [Theory]
    [InlineData("--rpc-url", "http://127.0.0.1:1")]
    [InlineData("--chain-id", "5")]
    [InlineData("--rpc-url", "not a url", "--chain-id", "5")]
    [InlineData("--rpc-url", "file:///etc/passwd", "--chain-id", "5")]
    [InlineData("--rpc-url", "http://127.0.0.1:1", "--chain-id", "5", "--registry", "0x1234")]
    [InlineData("--networks", "/nonexistent/networks.json")]
    [InlineData("--networks", "/nonexistent/networks.json", "--chain-id", "5")]
    public async Task Resolve_BadNetworkOptions_ExitsTwo(params string[] options)
    {
        var run = (await CliRun.RunAsync(["did", "resolve", "did:ethr:0x5:0xb9c5714089478a327f09197987f16f9e5d936e8a", .. options])).AssertExit(2);

        Assert.Empty(run.Stdout);
    }

    [Theory]
    [InlineData("[")]
    [InlineData("{\"networks\": 3}")]
    [InlineData("[{\"name\": \"dev\", \"chainId\": 0, \"rpcUrl\": \"http://127.0.0.1:1\"}]")]
    [InlineData("[{\"name\": \"dev\", \"chainId\": 5}]")]
    [InlineData("[{\"name\": \"a\", \"chainId\": 5, \"rpcUrl\": \"http://127.0.0.1:1\"}, {\"name\": \"b\", \"chainId\": 5, \"rpcUrl\": \"http://127.0.0.1:1\"}]")]
    public async Task Resolve_BadNetworksFile_ExitsTwo(string json)
    {
        using var directory = new TempDirectory();
        var path = directory.File("networks.json");
        await File.WriteAllTextAsync(path, json);

        var run = (await CliRun.RunAsync("did", "resolve", "did:ethr:0x5:0xb9c5714089478a327f09197987f16f9e5d936e8a", "--networks", path)).AssertExit(2);

        Assert.Contains("network", run.Stderr, StringComparison.Ordinal);
    }
}
