using System.Globalization;
using System.Text.Json;
using Identity.Shared.Credentials;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Dids.Ethr;
using Identity.Shared.Jose;

namespace Identity.Cli.Tests;

/// <summary><c>vc issue</c>: the token's header and claims for each key type and format, and bad input refused with exit 2.</summary>
public sealed class VcIssueCommandTests : IDisposable
{
    private readonly VcWorkspace workspace = new();
    private readonly PrivateKey ed25519 = PrivateKey.Generate(KeyType.Ed25519);
    private readonly PrivateKey secp256k1 = PrivateKey.Generate(KeyType.Secp256k1);
    private readonly string subject = DidKeyResolver.CreateDid(PrivateKey.Generate(KeyType.Ed25519).PublicKey);

    public static TheoryData<string, string[]> BadInput => new()
    {
        { "claims not an object", ["--claims", "[1,2]"] },
        { "claims with duplicate names", ["--claims", """{ "a": 1, "a": 2 }"""] },
        { "claims with an id", ["--claims", """{ "id": "did:example:other" }"""] },
        { "claims not JSON", ["--claims", "{ name: 'x' }"] },
        { "subject not a DID", ["--subject", "patient-17"] },
        { "type with a space", ["--type", "Health Insurance"] },
        { "valid-until without a zone", ["--valid-until", "2040-01-01T00:00:00"] },
        { "valid-until not a date", ["--valid-until", "tomorrow"] },
        { "valid-until in the past", ["--valid-until", "2001-01-01T00:00:00Z"] },
        { "status list without an index", ["--status-list", "https://status.example/lists/1"] },
        { "status list index not a number", ["--status-list", "https://status.example/lists/1#x"] },
        { "status list not a URL", ["--status-list", "lists/1#5"] },
        { "unknown format", ["--format", "ldp-vc"] },
        { "issuer not a DID", ["--issuer", "hospital"] },
        { "issuer the did:key of another key", ["--issuer", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"] },
    };

    public void Dispose()
    {
        workspace.Dispose();
        ed25519.Dispose();
        secp256k1.Dispose();
    }

    [Fact]
    public async Task Issue_Ed25519Key_DidKeyIssuerEdDsaWithKeyIdAndDidJwtVcClaims()
    {
        var did = DidKeyResolver.CreateDid(ed25519.PublicKey);
        var before = VcWorkspace.Now;

        var jws = await IssueAsync(ed25519);

        Assert.Equal("EdDSA", jws.Header.Algorithm.Name);
        Assert.Equal("JWT", jws.Header.Type);
        Assert.Equal($"{did}#{did["did:key:".Length..]}", jws.Header.KeyId);
        Assert.True(jws.Verify(ed25519.PublicKey));
        var payload = jws.Payload!.Value;
        Assert.Equal(did, payload.GetProperty("iss").GetString());
        Assert.Equal(subject, payload.GetProperty("sub").GetString());
        Assert.InRange(payload.GetProperty("nbf").GetInt64(), before, VcWorkspace.Now);
        Assert.False(payload.TryGetProperty("exp", out _));
        var vc = payload.GetProperty("vc");
        Assert.Equal(["VerifiableCredential", "HealthInsuranceCredential"], vc.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal([CredentialContexts.V1], vc.GetProperty("@context").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("Ada Lovelace", vc.GetProperty("credentialSubject").GetProperty("name").GetString());
        Assert.Equal(2, vc.GetProperty("credentialSubject").GetProperty("address").GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task Issue_Secp256k1Key_MainnetDidEthrIssuerEs256KWithControllerKid()
    {
        var did = $"did:ethr:{secp256k1.PublicKey.ToEthereumAddress()}";

        var jws = await IssueAsync(secp256k1);

        Assert.Equal("ES256K", jws.Header.Algorithm.Name);
        Assert.Equal(did + "#controller", jws.Header.KeyId);
        Assert.Equal(did, jws.Payload!.Value.GetProperty("iss").GetString());
        Assert.Equal(64, jws.Signature.Length);
        Assert.True(jws.Verify(secp256k1.PublicKey));
    }

    [Fact]
    public async Task Issue_IssuerOnAnotherNetwork_ControllerKidOfThatDid()
    {
        var did = EthrDid.Format(secp256k1.PublicKey.ToEthereumAddress(), "0x7a69");

        var jws = await IssueAsync(secp256k1, "--issuer", did);

        Assert.Equal(did, jws.Payload!.Value.GetProperty("iss").GetString());
        Assert.Equal(did + "#controller", jws.Header.KeyId);
    }

    [Fact]
    public async Task Issue_KeyIsNotTheDidEthrOwner_NoKidSoTheVerifierSearchesTheDelegates()
    {
        using var owner = PrivateKey.Generate(KeyType.Secp256k1);
        var did = EthrDid.Format(owner.PublicKey.ToEthereumAddress(), "0x7a69");

        var jws = await IssueAsync(secp256k1, "--issuer", did);

        Assert.Equal(did, jws.Payload!.Value.GetProperty("iss").GetString());
        Assert.Null(jws.Header.KeyId);
    }

    [Fact]
    public async Task Issue_Vc2Format_VcJoseCoseCredentialWithValidFromAndValidUntil()
    {
        var did = DidKeyResolver.CreateDid(ed25519.PublicKey);
        var until = DateTimeOffset.UtcNow.AddDays(30);
        var untilText = until.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var file = await workspace.IssueAsync(workspace.WriteKey(ed25519), subject, "--format", "vc2-jwt", "--valid-until", untilText);

        Assert.True(VcJoseCose.TryDecodeCredential(File.ReadAllText(file).Trim(), null, out var decoded, out var error), error?.Message);

        Assert.Equal(CredentialFormat.VcJoseCose, decoded.Format);
        Assert.Equal("vc+jwt", decoded.Jws.Header.Type);
        Assert.Equal($"{did}#{did["did:key:".Length..]}", decoded.Jws.Header.KeyId);
        Assert.True(decoded.Jws.Verify(ed25519.PublicKey));
        Assert.Equal(DataModelVersion.V2_0, decoded.Credential.Version);
        Assert.Equal(did, decoded.Issuer);
        Assert.Equal(subject, decoded.Subject);
        Assert.Equal(until.ToUnixTimeSeconds(), decoded.Credential.ValidUntil!.Value.ToUnixTimeSeconds());
        Assert.NotNull(decoded.Credential.ValidFrom);
        Assert.Equal("XH-123", decoded.Claims.GetProperty("memberId").GetString());
    }

    [Fact]
    public async Task Issue_StatusList_RevocationEntryWithListUrlAndIndex()
    {
        var jws = await IssueAsync(ed25519, "--status-list", "https://hospital.example/status/3#94567");

        var vc = jws.Payload!.Value.GetProperty("vc");
        Assert.Contains("https://www.w3.org/ns/credentials/status/v1", vc.GetProperty("@context").EnumerateArray().Select(c => c.GetString()));
        var status = vc.GetProperty("credentialStatus");
        Assert.Equal("https://hospital.example/status/3#94567", status.GetProperty("id").GetString());
        Assert.Equal("BitstringStatusListEntry", status.GetProperty("type").GetString());
        Assert.Equal("revocation", status.GetProperty("statusPurpose").GetString());
        Assert.Equal("94567", status.GetProperty("statusListIndex").GetString());
        Assert.Equal("https://hospital.example/status/3", status.GetProperty("statusListCredential").GetString());
    }

    [Fact]
    public async Task Issue_ValidUntil_ExpirationDateIsExp()
    {
        var jws = await IssueAsync(ed25519, "--valid-until", "2040-06-01T12:00:00+02:00");

        Assert.Equal(new DateTimeOffset(2040, 6, 1, 10, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), jws.Payload!.Value.GetProperty("exp").GetInt64());
    }

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Issue_BadInput_Exit2WithReason(string because, string[] change)
    {
        var arguments = new Dictionary<string, string>
        {
            ["--key"] = workspace.WriteKey(ed25519),
            ["--subject"] = subject,
            ["--type"] = "HealthInsuranceCredential",
            ["--claims"] = """{ "name": "Ada" }""",
        };
        arguments[change[0]] = change[1];
        arguments["--claims"] = workspace.Write(arguments["--claims"], "json");

        var run = await VcWorkspace.RunAsync(["vc", "issue", .. arguments.SelectMany(a => new[] { a.Key, a.Value })]);

        run.AssertExit(ExitCodes.BadInput);
        Assert.True(run.Stdout.Length == 0, because);
    }

    [Fact]
    public async Task Issue_MissingKeyAndClaimsFiles_Exit2NamingTheFile()
    {
        var missing = Path.Combine(workspace.Path, "nope.jwk");

        var run = await VcWorkspace.RunAsync("vc", "issue", "--key", missing, "--subject", subject, "--type", "T", "--claims", workspace.Write("{}", "json"));

        run.AssertExit(ExitCodes.BadInput);
        Assert.Contains(missing, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_ClaimsFileTooLarge_Exit2()
    {
        var claims = workspace.Write($$"""{ "blob": "{{new string('a', 300 * 1024)}}" }""", "json");

        var run = await VcWorkspace.RunAsync("vc", "issue", "--key", workspace.WriteKey(ed25519), "--subject", subject, "--type", "T", "--claims", claims);

        run.AssertExit(ExitCodes.BadInput);
        Assert.Contains("larger than", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_RequiredOptionMissing_Exit2()
    {
        var run = await VcWorkspace.RunAsync("vc", "issue", "--key", workspace.WriteKey(ed25519), "--subject", subject);

        run.AssertExit(ExitCodes.BadInput);
    }

    private async Task<JwsCompact> IssueAsync(PrivateKey key, params string[] more)
    {
        var claims = workspace.Write("""{ "name": "Ada Lovelace", "memberId": "XH-123", "address": { "lines": ["1 Main St", "Apt 2"] } }""", "json");
        var run = (await VcWorkspace.RunAsync(["vc", "issue", "--key", workspace.WriteKey(key), "--subject", subject, "--type", "HealthInsuranceCredential", "--claims", claims, .. more])).AssertExit(0);
        var token = run.Token;
        Assert.True(CredentialJwt.TryDecodeCredential(token, out _, out var error), error?.Message);
        return JwsCompact.Parse(token);
    }
}
