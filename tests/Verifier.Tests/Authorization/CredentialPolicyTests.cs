using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Identity.Verifier.Tests.Authorization;

/// <summary>
/// The portal's policies, each allowing and denying: insurance from a trusted hospital, 18 or older by the patient
/// credential's birth date, a blood-pressure observation newer than 30 days. The session is a cookie signed in by
/// presentation; the scheme trusts any issuer so that only the policy decides.
/// </summary>
public sealed class CredentialPolicyTests : IDisposable
{
    private readonly TestWorld world = new();

    public static TheoryData<string, string, int> Cases() => new()
    {
        { "insurance from the hospital", "/api/insurance", 200 },
        { "insurance from another clinic", "/api/insurance", 403 },
        { "no insurance credential", "/api/insurance", 403 },
        { "born 1990", "/api/adult-services", 200 },
        { "turns 18 tomorrow", "/api/adult-services", 403 },
        { "turned 18 today", "/api/adult-services", 200 },
        { "born in a year only, 17 years ago", "/api/adult-services", 403 },
        { "blood pressure 10 days ago", "/api/vitals", 200 },
        { "blood pressure 40 days ago", "/api/vitals", 403 },
        { "heart rate yesterday", "/api/vitals", 403 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Policy_Credentials_AllowOrDeny(string name, string path, int expected)
    {
        using var portal = new PortalFactory(settings: [new("Portal:Hospitals:0", world.HospitalDid)]);
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var now = portal.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        string[] credentials = name switch
        {
            "insurance from the hospital" => [world.Issue("HealthInsuranceCredential", TestWorld.CoverageClaims())],
            "insurance from another clinic" => [world.Issue("HealthInsuranceCredential", TestWorld.CoverageClaims(), issuer: world.Clinic)],
            "no insurance credential" => [world.Issue("PatientIdentityCredential", TestWorld.PatientClaims())],
            "born 1990" => [world.Issue("PatientIdentityCredential", TestWorld.PatientClaims("1990-04-01"))],
            "turns 18 tomorrow" => [world.Issue("PatientIdentityCredential", TestWorld.PatientClaims(Iso(today.AddYears(-18).AddDays(1))))],
            "turned 18 today" => [world.Issue("PatientIdentityCredential", TestWorld.PatientClaims(Iso(today.AddYears(-18))))],
            "born in a year only, 17 years ago" => [world.Issue("PatientIdentityCredential", TestWorld.PatientClaims((today.Year - 17).ToString(System.Globalization.CultureInfo.InvariantCulture)))],
            "blood pressure 10 days ago" => [world.Issue("BiometricObservationCredential", TestWorld.ObservationClaims(now.AddDays(-10)))],
            "blood pressure 40 days ago" => [world.Issue("BiometricObservationCredential", TestWorld.ObservationClaims(now.AddDays(-40)))],
            "heart rate yesterday" => [world.Issue("BiometricObservationCredential", TestWorld.ObservationClaims(now.AddDays(-1), loinc: "8867-4"))],
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        using (var signIn = await PresentationSignInTests.SignInAsync(client, world, credentials))
        {
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        }

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(expected == (int)response.StatusCode, $"{name}: expected {expected}, got {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Policy_BearerPresentation_EvaluatedWithoutCookie()
    {
        using var portal = new PortalFactory(settings: [new("Portal:Hospitals:0", world.HospitalDid)]);
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var (nonce, audience, _) = await PortalFactory.ChallengeAsync(client);
        using var allowed = await PortalFactory.GetWithPresentationAsync(client, "/api/insurance", world.Present(audience, nonce, [world.Issue("HealthInsuranceCredential", TestWorld.CoverageClaims())]));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        (nonce, audience, _) = await PortalFactory.ChallengeAsync(client);
        using var denied = await PortalFactory.GetWithPresentationAsync(client, "/api/insurance", world.Present(audience, nonce, [world.Issue("HealthInsuranceCredential", TestWorld.CoverageClaims(), issuer: world.Clinic)]));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    public void Dispose() => world.Dispose();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
