using System.Numerics;
using Identity.Shared.Crypto;
using Identity.Shared.Dids.Ethr;
using Identity.Shared.Ethereum;
using Identity.TestSupport.Chain;

namespace Identity.Cli.Tests;

/// <summary>
/// did:ethr issuers and holders resolved from a real ERC-1056 registry on anvil: issue, present, verify; an owner
/// change on chain invalidates what the old key signs; an unreachable node is exit 3 (<c>resolution_failed</c>).
/// </summary>
[Collection(AnvilFixture.Collection)]
public sealed class VcEthrChainTests : IDisposable
{
    private const string Audience = "https://clinic.example";
    private const string Nonce = "nonce-31337";

    private readonly AnvilFixture chain;
    private readonly VcWorkspace workspace = new();
    private readonly PrivateKey issuerKey = PrivateKey.Generate(KeyType.Secp256k1);
    private readonly PrivateKey holderKey = PrivateKey.Generate(KeyType.Secp256k1);
    private readonly string issuer;
    private readonly string holder;

    public VcEthrChainTests(AnvilFixture chain)
    {
        this.chain = chain;
        issuer = EthrDid.Format(issuerKey.PublicKey.ToEthereumAddress(), "0x7a69");
        holder = EthrDid.Format(holderKey.PublicKey.ToEthereumAddress(), "0x7a69");
    }

    public void Dispose()
    {
        workspace.Dispose();
        issuerKey.Dispose();
        holderKey.Dispose();
    }

    [Fact]
    public async Task IssuePresentVerify_DidEthrIssuerAndHolder_Exit0()
    {
        var networks = workspace.WriteNetworks(chain);
        var credential = await workspace.IssueAsync(workspace.WriteKey(issuerKey), holder, "--issuer", issuer);

        var vc = (await VcWorkspace.RunAsync("vc", "verify", credential, "--networks", networks, "--trusted-issuer", issuer)).AssertExit(0);
        Assert.Equal(issuer, (string?)vc.Json["issuer"]);
        Assert.Equal(holder, (string?)vc.Json["subject"]);

        var presentation = (await VcWorkspace.RunAsync("vp", "create", "--key", workspace.WriteKey(holderKey), "--credential", credential, "--audience", Audience, "--nonce", Nonce, "--holder", holder)).AssertExit(0);
        var file = workspace.Write(presentation.Token, "jwt");

        var vp = (await VcWorkspace.RunAsync("vp", "verify", file, "--audience", Audience, "--nonce", Nonce, "--networks", networks)).AssertExit(0);
        Assert.Equal(holder, (string?)vp.Json["holder"]);
        Assert.Equal(issuer, (string?)vp.Json["issuer"]);
        Assert.Equal("Ada Lovelace", (string?)vp.Json["claims"]!["name"]);
    }

    [Fact]
    public async Task Verify_IssuerOwnerChangedOnChain_OldKeyNoLongerVerifies()
    {
        var networks = workspace.WriteNetworks(chain);
        var credential = await workspace.IssueAsync(workspace.WriteKey(issuerKey), holder, "--issuer", issuer);
        (await VcWorkspace.RunAsync("vc", "verify", credential, "--networks", networks)).AssertExit(0);

        await chain.FundAsync(issuerKey.PublicKey.ToEthereumAddress(), BigInteger.Pow(10, 18));
        using var successor = PrivateKey.Generate(KeyType.Secp256k1);
        await chain.CreateRegistry().SendAsync(new ChangeOwnerOperation(issuerKey.PublicKey.ToEthereumAddress(), successor.PublicKey.ToEthereumAddress()), issuerKey);

        (await VcWorkspace.RunAsync("vc", "verify", credential, "--networks", networks)).AssertNotVerified("invalid_signature");
    }

    [Fact]
    public async Task Verify_NodeUnreachable_Exit3ResolutionFailed()
    {
        var credential = await workspace.IssueAsync(workspace.WriteKey(issuerKey), holder, "--issuer", issuer);
        var networks = workspace.WriteNetworks(new Uri($"http://127.0.0.1:{VcWorkspace.ClosedPort()}"), chain.ChainId, chain.RegistryAddress.ToString());

        (await VcWorkspace.RunAsync("vc", "verify", credential, "--networks", networks)).AssertNotVerified("resolution_failed", ExitCodes.EnvironmentFailure);
    }

    [Fact]
    public async Task Verify_DidEthrWithoutNetworkOptions_Exit3WithAHint()
    {
        var credential = await workspace.IssueAsync(workspace.WriteKey(issuerKey), holder, "--issuer", issuer);

        var run = await VcWorkspace.RunAsync("vc", "verify", credential);

        run.AssertNotVerified("resolution_failed", ExitCodes.EnvironmentFailure);
        Assert.Contains("--networks", run.Stderr, StringComparison.Ordinal);
    }
}
