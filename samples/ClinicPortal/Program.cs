using System.Security.Claims;
using ClinicPortal;
using Identity.Shared.Dids;
using Identity.Shared.Dids.Ethr;
using Identity.Shared.StatusLists;
using Identity.Verifier;
using Identity.Verifier.Authorization;
using Identity.Verifier.Claims;
using Identity.Verifier.Nonces;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;

// The clinic portal: patients sign in by presenting credentials (no account, no call to the issuer) and reach
// pages and APIs guarded by policies over those credentials. Configuration (appsettings, environment, command line):
//   Portal:Audience                 this site's audience, e.g. http://127.0.0.1:5080 (required)
//   Portal:TrustedIssuers:0..n      issuer DIDs trusted for every credential (empty: any issuer)
//   Portal:Hospitals:0..n           hospitals whose insurance credentials count (default: the trusted issuers)
//   Identity:Ethr:Networks:0:Name / ChainId / RpcUrl / Registry    did:ethr chains (optional)
//   Identity:StatusLists:AllowHttp  fetch status lists over plain http (a local issuer in a demo)
//   Identity:DidCache:RevalidateAfter / TimeToLive / MaxEntries     the DID resolution cache (optional)
//   Portal:Warmup:Budget            start-up warm-up of the verification engine (default 00:00:10; 0 turns it off)
//   Portal:NonceStore:MaxEntries    the in-memory nonce store's bound (optional; default 100,000)
//   Redis:Configuration             share nonces between instances, e.g. 127.0.0.1:6379 (optional)
//   DataProtection:KeysDirectory    share cookie keys between instances (optional)
//   Urls                            where to listen, e.g. http://127.0.0.1:5080
var builder = WebApplication.CreateBuilder(args);
var configuration = builder.Configuration;
var portal = configuration.GetSection(PortalSettings.SectionName).Get<PortalSettings>() ?? new PortalSettings();

builder.Services.AddDidResolution();
// How long resolved DIDs are kept and how often a did:ethr entry asks the chain whether it changed (default: on every
// use, so a key rotated on chain is refused at once; a busy site may accept a few seconds of delay).
builder.Services.Configure<DidCacheOptions>(configuration.GetSection("Identity:DidCache"));
builder.Services.Configure<InMemoryNonceStoreOptions>(configuration.GetSection("Portal:NonceStore"));
builder.Services.Configure<VerificationWarmupOptions>(configuration.GetSection("Portal:Warmup"));
if (configuration.GetSection(EthrDidOptions.SectionName + ":Networks").Exists())
{
    builder.Services.AddEthrDidResolution(o => configuration.GetSection(EthrDidOptions.SectionName).Bind(o));
}

builder.Services.Configure<HttpStatusListProviderOptions>(configuration.GetSection("Identity:StatusLists"));
if (configuration["Redis:Configuration"] is { Length: > 0 } redis)
{
    builder.Services.AddRedisPresentationNonceStore(o => o.Configuration = redis);
}

if (configuration["DataProtection:KeysDirectory"] is { Length: > 0 } keys)
{
    builder.Services.AddDataProtection().SetApplicationName("ClinicPortal").PersistKeysToFileSystem(new DirectoryInfo(keys));
}

builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(o =>
    {
        o.LoginPath = "/signin";
        o.Cookie.Name = "clinic.session";
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.ExpireTimeSpan = TimeSpan.FromHours(1);

        // An API answers 401/403, not a redirect to a page.
        o.Events.OnRedirectToLogin = context => ApiAware(context.Request, context.Response, StatusCodes.Status401Unauthorized, context.RedirectUri);
        o.Events.OnRedirectToAccessDenied = context => ApiAware(context.Request, context.Response, StatusCodes.Status403Forbidden, context.RedirectUri);
    })
    .AddVerifiablePresentation(o =>
    {
        o.Audience = portal.Audience;
        foreach (var issuer in portal.TrustedIssuers)
        {
            o.TrustedIssuers.Add(issuer);
        }

        if (portal.ErrorDocumentation is { } docs)
        {
            o.ErrorDocumentation = docs;
        }

        o.NonceLifetime = portal.NonceLifetime;
        o.ChallengeRateLimit = portal.ChallengeRateLimit;
    });

string[] schemes = [CookieAuthenticationDefaults.AuthenticationScheme, VerifiablePresentationDefaults.AuthenticationScheme];
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(PortalPolicies.Patient, p => p.AddAuthenticationSchemes(schemes).RequireAuthenticatedUser())
    .AddPolicy(PortalPolicies.Insured, p => p.AddAuthenticationSchemes(schemes)
        .RequireCredential("HealthInsuranceCredential", [.. portal.Hospitals.Count > 0 ? portal.Hospitals : portal.TrustedIssuers]))
    .AddPolicy(PortalPolicies.Adult, p => p.AddAuthenticationSchemes(schemes)
        .RequireCredentialClaim("PatientIdentityCredential", "birthDate", CredentialClaimPredicates.AgeAtLeast(18)))
    .AddPolicy(PortalPolicies.RecentBloodPressure, p => p.AddAuthenticationSchemes(schemes)
        .RequireCredentialMatch("BiometricObservationCredential", (credential, now) =>
            credential.Select("code.coding[*].code").Any(code => CredentialClaimPredicates.EqualTo(PortalPolicies.BloodPressurePanelLoinc)(code, now)) &&
            credential.Select("effectiveDateTime").Any(at => CredentialClaimPredicates.Within(TimeSpan.FromDays(30))(at, now))));

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/", () => Results.Redirect("/signin"));
app.MapGet("/signin", () => Results.Content(PortalPages.SignIn, "text/html; charset=utf-8"));
app.MapPresentationChallenge("/auth/challenge");
app.MapPresentationSignIn("/auth/signin");
app.MapPost("/auth/signout", async (HttpContext context) =>
{
    await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    return Results.NoContent();
});
// A page: the cookie alone (the default scheme), so an anonymous visit is redirected to the sign-in page.
app.MapGet("/patient", (ClaimsPrincipal user) => Results.Content(PortalPages.Patient(user), "text/html; charset=utf-8"))
    .RequireAuthorization();

var api = app.MapGroup("/api");
api.MapGet("/me", (ClaimsPrincipal user) => Results.Json(new
{
    holder = user.FindFirstValue(ClaimTypes.NameIdentifier),
    name = user.FindFirstValue(ClaimTypes.Name),
    givenName = user.FindFirstValue(ClaimTypes.GivenName),
    familyName = user.FindFirstValue(ClaimTypes.Surname),
    birthDate = user.FindFirstValue(ClaimTypes.DateOfBirth),
    credentialTypes = user.FindAll(VerifiablePresentationClaimTypes.CredentialType).Select(c => c.Value).ToArray(),
    issuers = user.FindAll(VerifiablePresentationClaimTypes.CredentialIssuer).Select(c => c.Value).ToArray(),
})).RequireAuthorization(PortalPolicies.Patient);
api.MapGet("/insurance", (ClaimsPrincipal user) => Results.Json(new { access = "insurance", holder = user.FindFirstValue(ClaimTypes.NameIdentifier) }))
    .RequireAuthorization(PortalPolicies.Insured);
api.MapGet("/adult-services", (ClaimsPrincipal user) => Results.Json(new { access = "adult-services", holder = user.FindFirstValue(ClaimTypes.NameIdentifier) }))
    .RequireAuthorization(PortalPolicies.Adult);
api.MapGet("/vitals", (ClaimsPrincipal user) => Results.Json(new { access = "vitals", holder = user.FindFirstValue(ClaimTypes.NameIdentifier) }))
    .RequireAuthorization(PortalPolicies.RecentBloodPressure);

app.Run();

static Task ApiAware(HttpRequest request, HttpResponse response, int status, string redirectUri)
{
    if (request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
    {
        response.StatusCode = status;
    }
    else
    {
        response.Redirect(redirectUri);
    }

    return Task.CompletedTask;
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
