using Identity.Shared.Crypto;

namespace Identity.Cli.Tests.Commands;

/// <summary>
/// <c>did update</c> input that is refused locally, before any node is called: every case points at a closed port,
/// so reaching for the network would show as exit 3, not 2.
/// </summary>
public sealed class DidUpdateCommandTests : IDisposable
{
    private const string Address = "0xb9c5714089478a327f09197987f16f9e5d936e8a";
    private static readonly string[] NoNode = ["--rpc-url", "http://127.0.0.1:1", "--chain-id", "31337"];

    private readonly TempDirectory directory = new();
    private readonly string ownerKey;
    private readonly string edKey;
    private readonly string garbageKey;
    private readonly string publicOnlyKey;

    public DidUpdateCommandTests()
    {
        using var owner = PrivateKey.Generate(KeyType.Secp256k1);
        ownerKey = KeyFiles.Write(directory, "owner.jwk", owner);
        using var ed = PrivateKey.Generate(KeyType.Ed25519);
        edKey = KeyFiles.Write(directory, "ed.jwk", ed);
        garbageKey = directory.File("garbage.jwk");
        File.WriteAllText(garbageKey, "this is not a JWK");
        publicOnlyKey = directory.File("public.jwk");
        File.WriteAllText(publicOnlyKey, Jwk.FromPublicKey(owner.PublicKey).ToJson());
    }

    /// <summary>Arguments after <c>did update</c> ({owner}, {ed}, {garbage}, {public}, {missing} name key files), and a fragment of the error.</summary>
    public static TheoryData<string, string> BadInput => new()
    {
        { "owner --key {owner} --new-owner 0x1234", "--new-owner" },
        { "owner --key {owner} --new-owner 0xB9c5714089478a327f09197987f16f9e5d936e8a", "EIP-55" },
        { "owner --key {owner} --new-owner 0x0000000000000000000000000000000000000000", "zero address" },
        { "owner --key {owner} --new-owner did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "--new-owner" },
        { "owner --key {owner}", "--new-owner" },
        { "delegate --key {owner} --delegate nope", "--delegate" },
        { "delegate --key {owner} --delegate " + Address + " --delegate-type admin", "admin" },
        { "delegate --key {owner} --delegate " + Address + " --validity 0", "--validity" },
        { "delegate --key {owner} --delegate " + Address + " --validity -5", "--validity" },
        { "delegate --key {owner} --delegate " + Address + " --validity 1.5", "--validity" },
        { "revoke-delegate --key {owner} --delegate 0x" + "00", "--delegate" },
        { "attribute --key {owner} --name did/pub --value 0x01", "--name" },
        { "attribute --key {owner} --name foo/bar --value 0x01", "--name" },
        { "attribute --key {owner} --name did/pub/Ed25519/veriKey/base64/extra --value 0x01", "--name" },
        { "attribute --key {owner} --name did/pub/Ed25519VerificationKey/veriKey/hex --value 0x01", "32 bytes" },
        { "attribute --key {owner} --name did/svc/MessagingService", "exactly one" },
        { "attribute --key {owner} --name did/svc/MessagingService --value 0x01 --value-text x", "exactly one" },
        { "attribute --key {owner} --name did/pub/Ed25519/veriKey/hex --value abcd", "0x" },
        { "attribute --key {owner} --name did/pub/Ed25519/veriKey/hex --value 0xabc", "0x" },
        { "attribute --key {owner} --name did/pub/Ed25519/veriKey/hex --value 0x", "0x" },
        { "attribute --key {owner} --name did/svc/MessagingService --value-text https://x --validity 0", "--validity" },
        { "revoke-attribute --key {owner} --name did/svc/MessagingService", "exactly one" },
        { "delegate --delegate " + Address, "--key" },
        { "delegate --key {missing} --delegate " + Address, "not found" },
        { "delegate --key {ed} --delegate " + Address, "secp256k1" },
        { "delegate --key {garbage} --delegate " + Address, "key file" },
        { "delegate --key {public} --delegate " + Address, "private member d" },
        { "delegate --key {owner} --relay-key {ed} --delegate " + Address, "--relay-key" },
        { "delegate --key {owner} --relay-key {missing} --delegate " + Address, "not found" },
        { "delegate --key {owner} --did did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK --delegate " + Address, "did:ethr" },
        { "delegate --key {owner} --did did:ethr:0x7a69:0x1234 --delegate " + Address, "not a valid did:ethr" },
        { "delegate --key {owner} --did nonsense --delegate " + Address, "not a DID" },
        { "delegate --key {owner} --did did:ethr:sepolia:" + Address + " --delegate " + Address, "sepolia" },
    };

    public void Dispose() => directory.Dispose();

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Update_BadInput_ExitsTwoBeforeAnyNodeCall(string arguments, string expected)
    {
        var args = arguments
            .Replace("{owner}", ownerKey, StringComparison.Ordinal)
            .Replace("{ed}", edKey, StringComparison.Ordinal)
            .Replace("{garbage}", garbageKey, StringComparison.Ordinal)
            .Replace("{public}", publicOnlyKey, StringComparison.Ordinal)
            .Replace("{missing}", directory.File("missing.jwk"), StringComparison.Ordinal)
            .Split(' ');

        var run = (await CliRun.RunAsync(["did", "update", .. args, .. NoNode])).AssertExit(2);

        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Update_WithoutNetworkOptions_ExitsTwoNamingThem()
    {
        var run = (await CliRun.RunAsync("did", "update", "delegate", "--key", ownerKey, "--delegate", Address)).AssertExit(2);

        Assert.Contains("--rpc-url", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--networks", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_NodeRefusesConnection_ExitsThreeNamingTheNode()
    {
        var run = (await CliRun.RunAsync(["did", "update", "delegate", "--key", ownerKey, "--delegate", Address, .. NoNode])).AssertExit(3);

        Assert.Contains("http://127.0.0.1:1", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Unreachable", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }
}
