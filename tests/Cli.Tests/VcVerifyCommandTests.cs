using System.Globalization;
using System.Net;
using System.Text;
using Identity.Shared.Credentials;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.StatusLists;

namespace Identity.Cli.Tests;

/// <summary>
/// <c>vc verify</c> on did:key credentials (no chain): the verdict JSON and the exit code of each outcome.
/// Decisions tested here: a file that is not a JWS is <c>malformed</c> (exit 1); a missing or empty file is exit 2;
/// an unknown answer (status list or DID unreachable) is exit 3.
/// </summary>
public sealed class VcVerifyCommandTests : IDisposable
{
    private readonly VcWorkspace workspace = new();
    private readonly PrivateKey issuerKey = PrivateKey.Generate(KeyType.Ed25519);
    private readonly string issuer;
    private readonly string subject = DidKeyResolver.CreateDid(PrivateKey.Generate(KeyType.Ed25519).PublicKey);

    public VcVerifyCommandTests() => issuer = DidKeyResolver.CreateDid(issuerKey.PublicKey);

    public void Dispose()
    {
        workspace.Dispose();
        issuerKey.Dispose();
    }

    [Fact]
    public async Task Verify_IssuedCredential_Exit0WithIssuerSubjectTypesClaims()
    {
        var file = await workspace.IssueAsync(workspace.WriteKey(issuerKey), subject);

        var run = (await VcWorkspace.RunAsync("vc", "verify", file)).AssertExit(0);

        var json = run.Json;
        Assert.True((bool)json["verified"]!);
        Assert.Empty(json["errors"]!.AsArray());
        Assert.Equal(issuer, (string?)json["issuer"]);
        Assert.Equal(subject, (string?)json["subject"]);
        Assert.Equal(["VerifiableCredential", "HealthInsuranceCredential"], json["types"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("Ada Lovelace", (string?)json["claims"]!["name"]);
        Assert.Equal("XH-123", (string?)json["claims"]!["memberId"]);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Verify_AtAfterValidUntil_Exit1Expired()
    {
        var until = DateTimeOffset.UtcNow.AddHours(1);
        var file = await workspace.IssueAsync(workspace.WriteKey(issuerKey), subject, "--valid-until", until.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        (await VcWorkspace.RunAsync("vc", "verify", file)).AssertExit(0);

        var run = await VcWorkspace.RunAsync("vc", "verify", file, "--at", Seconds(until.AddHours(1)));

        run.AssertNotVerified("expired");
        Assert.Contains("expired", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AtBeforeIssuance_Exit1NotYetValid()
    {
        var file = await workspace.IssueAsync(workspace.WriteKey(issuerKey), subject);

        var run = await VcWorkspace.RunAsync("vc", "verify", file, "--at", Seconds(DateTimeOffset.UtcNow.AddDays(-1)));

        run.AssertNotVerified("not_yet_valid");
    }

    [Fact]
    public async Task Verify_TrustedIssuers_OtherIssuerExit1UntrustedIssuerAndListedIssuerExit0()
    {
        var file = await workspace.IssueAsync(workspace.WriteKey(issuerKey), subject);
        var other = DidKeyResolver.CreateDid(PrivateKey.Generate(KeyType.Ed25519).PublicKey);

        (await VcWorkspace.RunAsync("vc", "verify", file, "--trusted-issuer", other)).AssertNotVerified("untrusted_issuer");
        (await VcWorkspace.RunAsync("vc", "verify", file, "--trusted-issuer", other, "--trusted-issuer", issuer)).AssertExit(0);
    }

    [Fact]
    public async Task Verify_SignatureAltered_Exit1InvalidSignature()
    {
        var token = File.ReadAllText(await workspace.IssueAsync(workspace.WriteKey(issuerKey), subject)).Trim();
        var flipped = token[^2] == 'A' ? 'B' : 'A';
        var file = workspace.Write(token[..^2] + flipped + token[^1]);

        (await VcWorkspace.RunAsync("vc", "verify", file)).AssertNotVerified("invalid_signature");
    }

    [Theory]
    [InlineData("not a token", "malformed")]
    [InlineData("a.b.c", "malformed")]
    [InlineData("eyJhbGciOiJub25lIn0.e30.", "malformed")]
    public async Task Verify_NotACredentialJws_Exit1Malformed(string content, string code)
    {
        var run = await VcWorkspace.RunAsync("vc", "verify", workspace.Write(content));

        run.AssertNotVerified(code);
        Assert.Null(run.Json["issuer"]);
    }

    [Fact]
    public async Task Verify_MissingOrEmptyFile_Exit2()
    {
        (await VcWorkspace.RunAsync("vc", "verify", Path.Combine(workspace.Path, "missing.jwt"))).AssertExit(ExitCodes.BadInput);
        (await VcWorkspace.RunAsync("vc", "verify", workspace.Write(" \n"))).AssertExit(ExitCodes.BadInput);
    }

    [Fact]
    public async Task Verify_FileLargerThanAnyToken_Exit2()
    {
        var run = await VcWorkspace.RunAsync("vc", "verify", workspace.Write(new string('a', 1024 * 1024 + 10)));

        run.AssertExit(ExitCodes.BadInput);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Verify_BadOptions_Exit2()
    {
        var file = await workspace.IssueAsync(workspace.WriteKey(issuerKey), subject);

        (await VcWorkspace.RunAsync("vc", "verify", file, "--at", "-5")).AssertExit(ExitCodes.BadInput);
        (await VcWorkspace.RunAsync("vc", "verify", file, "--at", "yesterday")).AssertExit(ExitCodes.BadInput);
        (await VcWorkspace.RunAsync("vc", "verify", file, "--trusted-issuer", "hospital")).AssertExit(ExitCodes.BadInput);
    }

    [Fact]
    public async Task Verify_StatusListPlainHttpToAnotherHost_Exit3StatusUnavailableWithoutFetching()
    {
        var file = await workspace.IssueAsync(workspace.WriteKey(issuerKey), subject, "--status-list", "http://status.hospital.example/lists/1#7");

        (await VcWorkspace.RunAsync("vc", "verify", file)).AssertNotVerified("status_unavailable", ExitCodes.EnvironmentFailure);
    }

    [Fact]
    public async Task Verify_StatusListServerDown_Exit3StatusUnavailable()
    {
        var file = await workspace.IssueAsync(workspace.WriteKey(issuerKey), subject, "--status-list", $"http://127.0.0.1:{VcWorkspace.ClosedPort()}/lists/1#7");

        (await VcWorkspace.RunAsync("vc", "verify", file)).AssertNotVerified("status_unavailable", ExitCodes.EnvironmentFailure);
    }

    [Fact]
    public async Task Verify_StatusListServed_RevokedIndexExit1AndOtherIndexExit0()
    {
        using var server = new HttpListener();
        var port = VcWorkspace.ClosedPort();
        var listUrl = $"http://127.0.0.1:{port}/lists/1";
        server.Prefixes.Add($"http://127.0.0.1:{port}/");
        server.Start();
        var list = new BitstringStatusListBuilder().Set(7, on: true).ToStatusList();
        var listCredential = BitstringStatusListCredential.Create(listUrl, issuer, [StatusPurposes.Revocation], list, DataModelVersion.V1_1, DateTimeOffset.UtcNow.AddMinutes(-1));
        var listToken = VcJwt.SignCredential(listCredential, issuerKey, SignatureAlgorithm.EdDSA, new JwtSigningOptions { KeyId = $"{issuer}#{issuer["did:key:".Length..]}" });
        using var serving = new CancellationTokenSource();
        var serve = ServeAsync(server, listToken, serving.Token);
        var key = workspace.WriteKey(issuerKey);

        var revoked = await workspace.IssueAsync(key, subject, "--status-list", listUrl + "#7");
        var current = await workspace.IssueAsync(key, subject, "--status-list", listUrl + "#8");

        (await VcWorkspace.RunAsync("vc", "verify", revoked)).AssertNotVerified("revoked");
        (await VcWorkspace.RunAsync("vc", "verify", current)).AssertExit(0);
        await serving.CancelAsync();
        server.Stop();
        await serve;
    }

    private static string Seconds(DateTimeOffset instant) => instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static async Task ServeAsync(HttpListener server, string token, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await server.GetContextAsync().WaitAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var body = Encoding.UTF8.GetBytes(token);
            context.Response.ContentType = "application/vc+jwt";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body, cancellationToken);
            context.Response.Close();
        }
    }
}
