using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Identity.Verifier.Tests;

/// <summary>
/// The authentication handler through the ClinicPortal sample (WebApplicationFactory): a valid presentation for a
/// fresh challenge authenticates with the expected claims; each refusal is a 401 whose WWW-Authenticate names the
/// code, with the code's fixed text and documentation anchor.
/// </summary>
public sealed class VerifiablePresentationHandlerTests : IDisposable
{
    private readonly TestWorld world = new();

    [Fact]
    public async Task Authenticate_ValidPresentation_200WithClaims()
    {
        using var portal = new PortalFactory(settings: PortalFactory.Trusting(world.HospitalDid));
        using var client = portal.CreateClient();
        var (nonce, audience, expiresAt) = await PortalFactory.ChallengeAsync(client);
        Assert.Equal(PortalFactory.DefaultAudience, audience);
        Assert.InRange(expiresAt - portal.Clock.GetUtcNow(), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
        var presentation = world.Present(audience, nonce, [world.Issue("PatientIdentityCredential", TestWorld.PatientClaims()), world.Issue("HealthInsuranceCredential", TestWorld.CoverageClaims())]);

        using var response = await PortalFactory.GetWithPresentationAsync(client, "/api/me", presentation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(world.PatientDid, me.GetProperty("holder").GetString());
        Assert.Equal("Alice Example", me.GetProperty("name").GetString());
        Assert.Equal("Alice", me.GetProperty("givenName").GetString());
        Assert.Equal("Example", me.GetProperty("familyName").GetString());
        Assert.Equal("1990-04-01", me.GetProperty("birthDate").GetString());
        Assert.Equal(["VerifiableCredential", "PatientIdentityCredential", "HealthInsuranceCredential"], me.GetProperty("credentialTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([world.HospitalDid], me.GetProperty("issuers").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Authenticate_VcJoseCosePresentation_200()
    {
        using var portal = new PortalFactory(settings: PortalFactory.Trusting(world.HospitalDid));
        using var client = portal.CreateClient();
        var (nonce, audience, _) = await PortalFactory.ChallengeAsync(client);

        using var response = await PortalFactory.GetWithPresentationAsync(client, "/api/me", world.PresentVersion2(audience, nonce));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(world.PatientDid, me.GetProperty("holder").GetString());
        Assert.Equal("1990-04-01", me.GetProperty("birthDate").GetString());
    }

    [Fact]
    public async Task Authenticate_NoPresentation_401PlainBearerChallenge()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }

    [Fact]
    public async Task Authenticate_ReplayedNonce_401NonceReplayed()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateClient();
        var (nonce, audience, _) = await PortalFactory.ChallengeAsync(client);
        var presentation = world.Present(audience, nonce, [world.Issue("PatientIdentityCredential", TestWorld.PatientClaims())]);
        using var first = await PortalFactory.GetWithPresentationAsync(client, "/api/me", presentation);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var replay = await PortalFactory.GetWithPresentationAsync(client, "/api/me", presentation);

        AssertRefused(replay, "nonce_replayed", "The presentation's nonce has already been used.");
    }

    [Fact]
    public async Task Authenticate_ExpiredNonce_401NonceMismatch()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateClient();
        var (nonce, audience, _) = await PortalFactory.ChallengeAsync(client);
        var presentation = world.Present(audience, nonce, [world.Issue("PatientIdentityCredential", TestWorld.PatientClaims())]);
        portal.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        using var response = await PortalFactory.GetWithPresentationAsync(client, "/api/me", presentation);

        AssertRefused(response, "nonce_mismatch", "The presentation's nonce was not issued by this verifier.");
    }

    [Fact]
    public async Task Authenticate_NonceNeverIssued_401NonceMismatch()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateClient();
        var presentation = world.Present(portal.Audience, "invented-by-the-client", [world.Issue("PatientIdentityCredential", TestWorld.PatientClaims())]);

        using var response = await PortalFactory.GetWithPresentationAsync(client, "/api/me", presentation);

        AssertRefused(response, "nonce_mismatch", "The presentation's nonce was not issued by this verifier.");
    }

    [Fact]
    public async Task Authenticate_WrongAudience_401AudienceMismatchAndNonceStillUsable()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateClient();
        var (nonce, _, _) = await PortalFactory.ChallengeAsync(client);
        var credential = world.Issue("PatientIdentityCredential", TestWorld.PatientClaims());

        using var response = await PortalFactory.GetWithPresentationAsync(client, "/api/me", world.Present("https://another-site.test", nonce, [credential]));

        AssertRefused(response, "audience_mismatch", "The presentation is not addressed to this verifier.");

        // A refused presentation does not burn the nonce: the genuine one still signs in.
        using var genuine = await PortalFactory.GetWithPresentationAsync(client, "/api/me", world.Present(portal.Audience, nonce, [credential]));
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    [Fact]
    public async Task Authenticate_RevokedCredential_401Revoked()
    {
        await using var statusList = await StatusListServer.StartAsync(world.Hospital, 7);
        using var portal = new PortalFactory();
        using var client = portal.CreateClient();
        var (nonce, audience, _) = await PortalFactory.ChallengeAsync(client);
        var revoked = world.Issue("HealthInsuranceCredential", TestWorld.CoverageClaims(), status: statusList.Entry(7));

        using var response = await PortalFactory.GetWithPresentationAsync(client, "/api/me", world.Present(audience, nonce, [revoked]));

        AssertRefused(response, "revoked", "The credential has been revoked by its issuer.");

        // The same list with a clear bit: accepted, so the refusal above was the bit, not the fetch.
        var (nonce2, _, _) = await PortalFactory.ChallengeAsync(client);
        using var valid = await PortalFactory.GetWithPresentationAsync(client, "/api/me", world.Present(audience, nonce2, [world.Issue("HealthInsuranceCredential", TestWorld.CoverageClaims(), status: statusList.Entry(8))]));
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
    }

    [Fact]
    public async Task Authenticate_UntrustedIssuer_401UntrustedIssuer()
    {
        using var portal = new PortalFactory(settings: PortalFactory.Trusting(world.HospitalDid));
        using var client = portal.CreateClient();
        var (nonce, audience, _) = await PortalFactory.ChallengeAsync(client);

        using var response = await PortalFactory.GetWithPresentationAsync(client, "/api/me", world.Present(audience, nonce, [world.Issue("PatientIdentityCredential", TestWorld.PatientClaims(), issuer: world.Clinic)]));

        AssertRefused(response, "untrusted_issuer", "The credential's issuer is not trusted.");
    }

    [Fact]
    public async Task Authenticate_HolderIsNotSubject_401HolderMismatch()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateClient();
        var (nonce, audience, _) = await PortalFactory.ChallengeAsync(client);
        var patientsCredential = world.Issue("PatientIdentityCredential", TestWorld.PatientClaims());

        using var response = await PortalFactory.GetWithPresentationAsync(client, "/api/me", world.Present(audience, nonce, [patientsCredential], holder: world.Stranger));

        AssertRefused(response, "holder_mismatch", "The presentation's holder is not the subject of the credential.");
    }

    [Fact]
    public async Task Authenticate_ExpiredCredential_401Expired()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateClient();
        var (nonce, audience, _) = await PortalFactory.ChallengeAsync(client);
        var expired = world.Issue("HealthInsuranceCredential", TestWorld.CoverageClaims(), validUntil: portal.Clock.GetUtcNow().AddHours(-1));

        using var response = await PortalFactory.GetWithPresentationAsync(client, "/api/me", world.Present(audience, nonce, [expired]));

        AssertRefused(response, "expired", "The token or credential has expired.");
    }

    [Fact]
    public async Task Authenticate_ForgedSignature_401InvalidSignatureAndNonceNotBurned()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateClient();
        var (nonce, audience, _) = await PortalFactory.ChallengeAsync(client);
        var credential = world.Issue("PatientIdentityCredential", TestWorld.PatientClaims());
        var genuine = world.Present(audience, nonce, [credential]);
        var parts = genuine.Split('.');
        var forged = parts[0] + "." + parts[1] + "." + world.Present(audience, nonce, [credential], holder: world.Stranger).Split('.')[2];

        using var response = await PortalFactory.GetWithPresentationAsync(client, "/api/me", forged);

        AssertRefused(response, "invalid_signature", "The signature does not verify with any key of the signer.");
        using var after = await PortalFactory.GetWithPresentationAsync(client, "/api/me", genuine);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJub25lIn0.e30.")]
    public async Task Authenticate_Garbage_401Malformed(string token)
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateClient();

        using var response = await PortalFactory.GetWithPresentationAsync(client, "/api/me", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate).ToString();
        Assert.StartsWith("Bearer error=\"invalid_token\"", challenge, StringComparison.Ordinal);
        Assert.DoesNotContain(token, challenge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Challenge_OverTheRateLimit_429()
    {
        using var portal = new PortalFactory(settings: [new("Portal:ChallengeRateLimit", "3")]);
        using var client = portal.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await PortalFactory.ChallengeAsync(client);
        }

        using var response = await client.GetAsync(new Uri("/auth/challenge", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Fact]
    public async Task Challenge_EachCall_FreshNonceNotCached()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateClient();

        var first = await PortalFactory.ChallengeAsync(client);
        using var second = await client.GetAsync(new Uri("/auth/challenge", UriKind.Relative));
        var nonce = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nonce").GetString();

        Assert.NotEqual(first.Nonce, nonce);
        Assert.Equal(43, first.Nonce.Length);
        Assert.True(second.Headers.CacheControl?.NoStore);
    }

    public void Dispose() => world.Dispose();

    internal static void AssertRefused(HttpResponseMessage response, string code, string description)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(
            $"Bearer error=\"invalid_token\", error_description=\"{description}\", error_uri=\"https://docs.test/errors.md#{code}\"",
            Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }
}
