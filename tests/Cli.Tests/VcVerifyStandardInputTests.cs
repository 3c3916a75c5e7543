using Identity.Shared.Crypto;
using Identity.Shared.Dids;

namespace Identity.Cli.Tests;

/// <summary><c>vc verify -</c> and <c>vp verify -</c> read the token from standard input, trimmed.</summary>
[Collection(VcStandardInputTests.Name)]
public sealed class VcVerifyStandardInputTests : IDisposable
{
    private readonly VcWorkspace workspace = new();
    private readonly PrivateKey key = PrivateKey.Generate(KeyType.Ed25519);
    private readonly TextReader original = Console.In;

    public void Dispose()
    {
        Console.SetIn(original);
        workspace.Dispose();
        key.Dispose();
    }

    [Fact]
    public async Task Verify_TokenOnStandardInputWithNewlines_Exit0()
    {
        var subject = DidKeyResolver.CreateDid(key.PublicKey);
        var token = File.ReadAllText(await workspace.IssueAsync(workspace.WriteKey(key), subject)).Trim();
        Console.SetIn(new StringReader("\n  " + token + "\r\n\n"));

        var run = (await VcWorkspace.RunAsync("vc", "verify", "-")).AssertExit(0);

        Assert.Equal(subject, (string?)run.Json["subject"]);
    }

    [Fact]
    public async Task Verify_PresentationOnStandardInput_Exit0()
    {
        var subject = DidKeyResolver.CreateDid(key.PublicKey);
        var keyFile = workspace.WriteKey(key);
        var credential = await workspace.IssueAsync(keyFile, subject);
        var presentation = (await VcWorkspace.RunAsync("vp", "create", "--key", keyFile, "--credential", credential, "--audience", "aud", "--nonce", "n")).AssertExit(0).Token;
        Console.SetIn(new StringReader(presentation + "\n"));

        (await VcWorkspace.RunAsync("vp", "verify", "-", "--audience", "aud", "--nonce", "n")).AssertExit(0);
    }

    [Fact]
    public async Task Verify_EmptyStandardInput_Exit2()
    {
        Console.SetIn(new StringReader("\n"));

        (await VcWorkspace.RunAsync("vc", "verify", "-")).AssertExit(ExitCodes.BadInput);
    }
}
