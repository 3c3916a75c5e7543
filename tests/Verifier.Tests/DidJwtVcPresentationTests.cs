using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.TestSupport;

namespace Identity.Verifier.Tests;

/// <summary>A presentation made by the reference library (did-jwt-vc, in node) for a fresh challenge is accepted by the portal.</summary>
[Trait("Category", "Interop")]
public sealed class DidJwtVcPresentationTests : IDisposable
{
    private readonly TestWorld world = new();

    [Fact]
    public async Task Authenticate_DidJwtVcPresentationForFreshChallenge_200()
    {
        using var portal = new PortalFactory(settings: PortalFactory.Trusting(world.HospitalDid));
        using var client = portal.CreateClient();
        var (nonce, audience, _) = await PortalFactory.ChallengeAsync(client);
        var request = new JsonObject
        {
            ["issuer"] = new JsonObject { ["did"] = world.HospitalDid, ["key"] = Convert.ToHexStringLower(world.Hospital.ExportRaw()) },
            ["holder"] = new JsonObject { ["did"] = world.PatientDid, ["key"] = Convert.ToHexStringLower(world.Patient.ExportRaw()) },
            ["type"] = "PatientIdentityCredential",
            ["subject"] = TestWorld.PatientClaims(),
            ["audience"] = audience,
            ["nonce"] = nonce,
        };
        var made = JsonNode.Parse(await NodeScript.RunAsync("verifier-vp.mjs", request.ToJsonString()))!;

        using var response = await PortalFactory.GetWithPresentationAsync(client, "/api/me", made["vp"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(world.PatientDid, me.GetProperty("holder").GetString());
        Assert.Equal("1990-04-01", me.GetProperty("birthDate").GetString());
        Assert.Contains("PatientIdentityCredential", me.GetProperty("credentialTypes").EnumerateArray().Select(e => e.GetString()));

        // The same did-jwt-vc presentation a second time: the nonce is spent.
        using var replay = await PortalFactory.GetWithPresentationAsync(client, "/api/me", made["vp"]!.GetValue<string>());
        VerifiablePresentationHandlerTests.AssertRefused(replay, "nonce_replayed", "The presentation's nonce has already been used.");
    }

    public void Dispose() => world.Dispose();
}
