using Identity.Shared.Crypto;
using Identity.Shared.Dids;

namespace Identity.Cli.Tests.Commands;

public sealed class DidCreateCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public static TheoryData<string[], string> EthrCases => new()
    {
        { [], "did:ethr:" },
        { ["--chain-id", "1"], "did:ethr:" },
        { ["--chain-id", "31337"], "did:ethr:0x7a69:" },
        { ["--chain-id", "11155111"], "did:ethr:0xaa36a7:" },
    };

    public void Dispose() => directory.Dispose();

    [Theory]
    [MemberData(nameof(EthrCases))]
    public async Task Create_Ethr_PrintsDidOfTheKeyAddressAndWritesPrivateJwk(string[] chain, string prefix)
    {
        var path = directory.File("owner.jwk");

        var run = (await CliRun.RunAsync(["did", "create", "--out", path, .. chain])).AssertExit(0);

        using var key = KeyFiles.ReadPrivate(path);
        Assert.Equal(KeyType.Secp256k1, key.Type);
        Assert.Equal(prefix + key.PublicKey.ToEthereumAddress() + "\n", run.Stdout);
        Assert.Empty(run.Stderr);
        KeyFiles.AssertOwnerOnly(path);
    }

    [Theory]
    [InlineData("secp256k1", KeyType.Secp256k1, "did:key:zQ3s")]
    [InlineData("ed25519", KeyType.Ed25519, "did:key:z6Mk")]
    public async Task Create_Key_PrintedDidResolvesToTheKeyInTheFile(string keyType, KeyType expected, string prefix)
    {
        var path = directory.File("holder.jwk");

        var run = (await CliRun.RunAsync("did", "create", "--out", path, "--method", "key", "--key-type", keyType)).AssertExit(0);

        using var key = KeyFiles.ReadPrivate(path);
        Assert.Equal(expected, key.Type);
        var did = run.Stdout.TrimEnd('\n');
        Assert.StartsWith(prefix, did, StringComparison.Ordinal);
        Assert.Equal(DidKeyResolver.CreateDid(key.PublicKey), did);
        KeyFiles.AssertOwnerOnly(path);

        var resolved = (await CliRun.RunAsync("did", "resolve", did)).AssertExit(0);
        Assert.Equal(did, resolved.Json["didDocument"]!["id"]!.GetValue<string>());
        Assert.Equal(key.PublicKey, KeyFiles.FirstPublicKey(resolved));
    }

    [Fact]
    public async Task Create_FileExists_RefusesAndKeepsTheKey()
    {
        var path = directory.File("owner.jwk");
        var first = (await CliRun.RunAsync("did", "create", "--out", path)).AssertExit(0);
        var before = await File.ReadAllTextAsync(path);

        var second = (await CliRun.RunAsync("did", "create", "--out", path, "--method", "key"))
            .AssertExit(2);

        Assert.Contains("refusing to overwrite", second.Stderr, StringComparison.Ordinal);
        Assert.Empty(second.Stdout);
        Assert.Equal(before, await File.ReadAllTextAsync(path));
        using var key = KeyFiles.ReadPrivate(path);
        Assert.Equal("did:ethr:" + key.PublicKey.ToEthereumAddress() + "\n", first.Stdout);
    }

    [Theory]
    [InlineData("--method", "ethr", "--key-type", "ed25519")]
    [InlineData("--method", "key", "--chain-id", "5")]
    [InlineData("--method", "web")]
    [InlineData("--key-type", "rsa")]
    [InlineData("--chain-id", "0")]
    [InlineData("--chain-id", "-1")]
    [InlineData("--chain-id", "abc")]
    public async Task Create_BadOptions_ExitsTwoAndWritesNothing(params string[] options)
    {
        var path = directory.File("bad.jwk");

        var run = (await CliRun.RunAsync(["did", "create", "--out", path, .. options])).AssertExit(2);

        Assert.Empty(run.Stdout);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Create_WithoutOut_ExitsTwoNamingTheOption()
    {
        var run = (await CliRun.RunAsync("did", "create")).AssertExit(2);

        Assert.Contains("--out", run.Stderr, StringComparison.Ordinal);
    }
}
