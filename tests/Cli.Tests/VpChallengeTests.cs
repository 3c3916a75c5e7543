using System.Net;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Jose;

namespace Identity.Cli.Tests;

/// <summary><c>vp create --challenge URL</c> against a real HTTP server, and a presentation with no credential (a holder proof).</summary>
public sealed class VpChallengeTests : IDisposable
{
    private readonly VcWorkspace workspace = new();
    private readonly PrivateKey holderKey = PrivateKey.Generate(KeyType.Ed25519);
    private readonly string holder;

    public VpChallengeTests() => holder = DidKeyResolver.CreateDid(holderKey.PublicKey);

    public void Dispose()
    {
        workspace.Dispose();
        holderKey.Dispose();
    }

    [Fact]
    public async Task Create_NoCredential_HolderProofThatVerifies()
    {
        var run = (await VcWorkspace.RunAsync("vp", "create", "--key", workspace.WriteKey(holderKey), "--audience", "https://issuer.example", "--nonce", "n-1")).AssertExit(0);

        var payload = JwsCompact.Parse(run.Token).Payload!.Value;
        Assert.Equal(holder, payload.GetProperty("iss").GetString());
        var vp = payload.GetProperty("vp");
        Assert.True(!vp.TryGetProperty("verifiableCredential", out var credentials) || credentials.GetArrayLength() == 0);
        var verified = (await VcWorkspace.RunAsync("vp", "verify", workspace.Write(run.Token, "jwt"), "--audience", "https://issuer.example", "--nonce", "n-1")).AssertExit(0);
        Assert.Equal(holder, (string?)verified.Json["holder"]);
    }

    [Fact]
    public async Task Create_ChallengeUrl_BindsToTheServedAudienceAndNonce()
    {
        using var server = new ChallengeServer("""{ "nonce": "srv-nonce-42", "audience": "https://portal.example", "expiresAt": "2030-01-01T00:00:00Z" }""");

        var run = (await VcWorkspace.RunAsync("vp", "create", "--key", workspace.WriteKey(holderKey), "--challenge", server.Url)).AssertExit(0);

        var payload = JwsCompact.Parse(run.Token).Payload!.Value;
        Assert.Equal("https://portal.example", payload.GetProperty("aud").GetString());
        Assert.Equal("srv-nonce-42", payload.GetProperty("nonce").GetString());
        Assert.Equal(1, server.Requests);
        (await VcWorkspace.RunAsync("vp", "verify", workspace.Write(run.Token, "jwt"), "--audience", "https://portal.example", "--nonce", "srv-nonce-42")).AssertExit(0);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{ "nonce": "n" }""")]
    [InlineData("""{ "nonce": "", "audience": "a" }""")]
    [InlineData("""{ "nonce": 7, "audience": "a" }""")]
    [InlineData("[]")]
    public async Task Create_ChallengeEndpointAnswersNonsense_Exit3(string body)
    {
        using var server = new ChallengeServer(body);
        (await VcWorkspace.RunAsync("vp", "create", "--key", workspace.WriteKey(holderKey), "--challenge", server.Url)).AssertExit(ExitCodes.EnvironmentFailure);
    }

    [Fact]
    public async Task Create_ChallengeEndpointUnreachable_Exit3() =>
        (await VcWorkspace.RunAsync("vp", "create", "--key", workspace.WriteKey(holderKey), "--challenge", $"http://127.0.0.1:{VcWorkspace.ClosedPort()}/auth/challenge")).AssertExit(ExitCodes.EnvironmentFailure);

    [Fact]
    public async Task Create_ChallengeMisused_Exit2()
    {
        var key = workspace.WriteKey(holderKey);
        (await VcWorkspace.RunAsync("vp", "create", "--key", key, "--challenge", "http://127.0.0.1:1/c", "--nonce", "n")).AssertExit(ExitCodes.BadInput);
        (await VcWorkspace.RunAsync("vp", "create", "--key", key, "--challenge", "http://portal.example/auth/challenge")).AssertExit(ExitCodes.BadInput);
        (await VcWorkspace.RunAsync("vp", "create", "--key", key, "--challenge", "ftp://127.0.0.1/c")).AssertExit(ExitCodes.BadInput);
        (await VcWorkspace.RunAsync("vp", "create", "--key", key)).AssertExit(ExitCodes.BadInput);
    }

    /// <summary>A real loopback HTTP server that answers every GET with one body.</summary>
    private sealed class ChallengeServer : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly Task loop;
        private int requests;

        public ChallengeServer(string body)
        {
            var port = VcWorkspace.ClosedPort();
            Url = $"http://127.0.0.1:{port}/auth/challenge";
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            listener.Start();
            var bytes = System.Text.Encoding.UTF8.GetBytes(body);
            loop = Task.Run(async () =>
            {
                while (listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await listener.GetContextAsync();
                    }
                    catch (HttpListenerException)
                    {
                        return;
                    }
                    catch (ObjectDisposedException)
                    {
                        return;
                    }

                    Interlocked.Increment(ref requests);
                    context.Response.ContentType = "application/json";
                    await context.Response.OutputStream.WriteAsync(bytes);
                    context.Response.Close();
                }
            });
        }

        public string Url { get; }

        public int Requests => Volatile.Read(ref requests);

        public void Dispose()
        {
            listener.Stop();
            listener.Close();
            loop.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
