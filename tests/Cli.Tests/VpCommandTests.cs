using Identity.Shared.Credentials;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Jose;

namespace Identity.Cli.Tests;

/// <summary><c>vp create</c> then <c>vp verify</c> with did:key holders and issuers (no chain).</summary>
public sealed class VpCommandTests : IDisposable
{
    private const string Audience = "https://clinic.example";
    private const string Nonce = "b3f1c2d4-challenge";

    private readonly VcWorkspace workspace = new();
    private readonly PrivateKey issuerKey = PrivateKey.Generate(KeyType.Ed25519);
    private readonly PrivateKey holderKey = PrivateKey.Generate(KeyType.Ed25519);
    private readonly string issuer;
    private readonly string holder;

    public VpCommandTests()
    {
        issuer = DidKeyResolver.CreateDid(issuerKey.PublicKey);
        holder = DidKeyResolver.CreateDid(holderKey.PublicKey);
    }

    public void Dispose()
    {
        workspace.Dispose();
        issuerKey.Dispose();
        holderKey.Dispose();
    }

    [Fact]
    public async Task Verify_TwoCredentialsPresentedByTheirSubject_Exit0WithHolderAndBothCredentials()
    {
        var presentation = await PresentAsync(holder, await IssueAsync(holder, "HealthInsuranceCredential"), await IssueAsync(holder, "ImmunizationCredential"));

        var run = (await VcWorkspace.RunAsync("vp", "verify", presentation, "--audience", Audience, "--nonce", Nonce)).AssertExit(0);

        var json = run.Json;
        Assert.True((bool)json["verified"]!);
        Assert.Equal(holder, (string?)json["holder"]);
        Assert.Equal(issuer, (string?)json["issuer"]);
        Assert.Equal(holder, (string?)json["subject"]);
        var credentials = json["credentials"]!.AsArray();
        Assert.Equal(2, credentials.Count);
        Assert.Equal("ImmunizationCredential", (string?)credentials[1]!["types"]![1]);
    }

    [Fact]
    public async Task Create_VcJwtCredentials_VpJwtBoundToAudienceAndNonce()
    {
        var presentation = await PresentAsync(holder, await IssueAsync(holder, "HealthInsuranceCredential"));

        var jws = JwsCompact.Parse(File.ReadAllText(presentation).Trim());

        Assert.Equal("EdDSA", jws.Header.Algorithm.Name);
        Assert.Equal($"{holder}#{holder["did:key:".Length..]}", jws.Header.KeyId);
        Assert.True(jws.Verify(holderKey.PublicKey));
        var payload = jws.Payload!.Value;
        Assert.Equal(holder, payload.GetProperty("iss").GetString());
        Assert.Equal(Audience, payload.GetProperty("aud").GetString());
        Assert.Equal(Nonce, payload.GetProperty("nonce").GetString());
        Assert.True(payload.TryGetProperty("iat", out _));
        Assert.Equal(1, payload.GetProperty("vp").GetProperty("verifiableCredential").GetArrayLength());
    }

    [Fact]
    public async Task Create_Vc2Credentials_VpJoseCoseWithEnvelopedCredentials()
    {
        var credential = await IssueAsync(holder, "HealthInsuranceCredential", "--format", "vc2-jwt");

        var presentation = await PresentAsync(holder, credential);

        Assert.True(CredentialJwt.TryDecodePresentation(File.ReadAllText(presentation).Trim(), out var decoded, out var error), error?.Message);
        Assert.Equal(CredentialFormat.VcJoseCose, decoded.Format);
        Assert.Equal("vp+jwt", decoded.Jws.Header.Type);
        Assert.Equal(holder, decoded.Holder);
        Assert.Equal(File.ReadAllText(credential).Trim(), Assert.Single(decoded.Presentation.Credentials).Token);
    }

    [Fact]
    public async Task Verify_WrongAudience_Exit1AudienceMismatch()
    {
        var presentation = await PresentAsync(holder, await IssueAsync(holder, "HealthInsuranceCredential"));

        (await VcWorkspace.RunAsync("vp", "verify", presentation, "--audience", "https://other.example", "--nonce", Nonce)).AssertNotVerified("audience_mismatch");
    }

    [Fact]
    public async Task Verify_WrongNonce_Exit1NonceMismatch()
    {
        var presentation = await PresentAsync(holder, await IssueAsync(holder, "HealthInsuranceCredential"));

        (await VcWorkspace.RunAsync("vp", "verify", presentation, "--audience", Audience, "--nonce", "another")).AssertNotVerified("nonce_mismatch");
    }

    [Fact]
    public async Task Verify_HolderIsNotTheSubject_Exit1HolderMismatch()
    {
        var someoneElse = DidKeyResolver.CreateDid(PrivateKey.Generate(KeyType.Ed25519).PublicKey);
        var presentation = await PresentAsync(holder, await IssueAsync(someoneElse, "HealthInsuranceCredential"));

        (await VcWorkspace.RunAsync("vp", "verify", presentation, "--audience", Audience, "--nonce", Nonce)).AssertNotVerified("holder_mismatch");
    }

    [Fact]
    public async Task Verify_UntrustedIssuerInsidePresentation_Exit1UntrustedIssuer()
    {
        var presentation = await PresentAsync(holder, await IssueAsync(holder, "HealthInsuranceCredential"));

        var run = await VcWorkspace.RunAsync("vp", "verify", presentation, "--audience", Audience, "--nonce", Nonce, "--trusted-issuer", holder);

        run.AssertNotVerified("untrusted_issuer");
    }

    [Fact]
    public async Task Verify_NotAJws_Exit1Malformed()
    {
        (await VcWorkspace.RunAsync("vp", "verify", workspace.Write("{ \"vp\": 1 }"), "--audience", Audience, "--nonce", Nonce)).AssertNotVerified("malformed");
    }

    [Fact]
    public async Task Create_BadInput_Exit2()
    {
        var vc1 = await IssueAsync(holder, "HealthInsuranceCredential");
        var vc2 = await IssueAsync(holder, "HealthInsuranceCredential", "--format", "vc2-jwt");
        var key = workspace.WriteKey(holderKey);

        (await VcWorkspace.RunAsync("vp", "create", "--key", key, "--credential", vc1, vc2, "--audience", Audience, "--nonce", Nonce)).AssertExit(ExitCodes.BadInput);
        (await VcWorkspace.RunAsync("vp", "create", "--key", key, "--credential", workspace.Write("garbage"), "--audience", Audience, "--nonce", Nonce)).AssertExit(ExitCodes.BadInput);
        (await VcWorkspace.RunAsync("vp", "create", "--key", key, "--credential", Path.Combine(workspace.Path, "none.jwt"), "--audience", Audience, "--nonce", Nonce)).AssertExit(ExitCodes.BadInput);
        (await VcWorkspace.RunAsync("vp", "create", "--key", key, "--credential", vc1, "--audience", Audience)).AssertExit(ExitCodes.BadInput);
        (await VcWorkspace.RunAsync("vp", "create", "--key", key, "--credential", vc1, "--audience", Audience, "--nonce", Nonce, "--holder", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")).AssertExit(ExitCodes.BadInput);
    }

    [Fact]
    public async Task Create_RepeatedCredentialOption_SameAsList()
    {
        var first = await IssueAsync(holder, "HealthInsuranceCredential");
        var second = await IssueAsync(holder, "ImmunizationCredential");

        var run = (await VcWorkspace.RunAsync("vp", "create", "--key", workspace.WriteKey(holderKey), "--credential", first, "--credential", second, "--audience", Audience, "--nonce", Nonce)).AssertExit(0);

        Assert.Equal(2, JwsCompact.Parse(run.Token).Payload!.Value.GetProperty("vp").GetProperty("verifiableCredential").GetArrayLength());
    }

    private Task<string> IssueAsync(string subject, string type, params string[] more) =>
        workspace.IssueAsync(workspace.WriteKey(issuerKey), subject, ["--type", type, .. more]);

    private async Task<string> PresentAsync(string holderDid, params string[] credentials)
    {
        var run = (await VcWorkspace.RunAsync(["vp", "create", "--key", workspace.WriteKey(holderKey), "--credential", .. credentials, "--audience", Audience, "--nonce", Nonce, "--holder", holderDid])).AssertExit(0);
        return workspace.Write(run.Token, "jwt");
    }
}
