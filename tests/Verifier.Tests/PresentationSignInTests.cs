using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Identity.Verifier.Tests;

/// <summary>Browser sign-in: a presentation verified once at POST /auth/signin becomes a cookie session.</summary>
public sealed class PresentationSignInTests : IDisposable
{
    private readonly TestWorld world = new();

    [Fact]
    public async Task SignIn_ValidPresentation_CookieOpensPagesAndApis()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var signIn = await SignInAsync(client, world, [world.Issue("PatientIdentityCredential", TestWorld.PatientClaims())]);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("clinic.session=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var body = await signIn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(world.PatientDid, body.GetProperty("holder").GetString());

        using var page = await client.GetAsync(new Uri("/patient", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(world.PatientDid, html, StringComparison.Ordinal);
        Assert.Contains("Welcome, Alice Example", html, StringComparison.Ordinal);

        using var me = await client.GetAsync(new Uri("/api/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Patient_Anonymous_RedirectedToSignInPage()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var page = await client.GetAsync(new Uri("/patient", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var signInPage = await client.GetAsync(page.Headers.Location);
        Assert.Contains("/auth/challenge", await signInPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_RefusedPresentation_401NoCookie()
    {
        using var portal = new PortalFactory(settings: PortalFactory.Trusting(world.HospitalDid));
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var signIn = await SignInAsync(client, world, [world.Issue("PatientIdentityCredential", TestWorld.PatientClaims(), issuer: world.Clinic)]);

        VerifiablePresentationHandlerTests.AssertRefused(signIn, "untrusted_issuer", "The credential's issuer is not trusted.");
        Assert.False(signIn.Headers.Contains("Set-Cookie"));
        using var me = await client.GetAsync(new Uri("/api/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Session_CredentialExpires_SessionEndsWithIt()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var credential = world.Issue("PatientIdentityCredential", TestWorld.PatientClaims(), validUntil: portal.Clock.GetUtcNow().AddMinutes(10));
        using var signIn = await SignInAsync(client, world, [credential]);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        using (var before = await client.GetAsync(new Uri("/api/me", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        portal.Clock.Advance(TimeSpan.FromMinutes(11));

        using var after = await client.GetAsync(new Uri("/api/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    public void Dispose() => world.Dispose();

    internal static async Task<HttpResponseMessage> SignInAsync(HttpClient client, TestWorld world, IEnumerable<string> credentials)
    {
        var (nonce, audience, _) = await PortalFactory.ChallengeAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/auth/signin", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", world.Present(audience, nonce, credentials));
        return await client.SendAsync(request);
    }
}
