using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Identity.Verifier.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Identity.Verifier.Tests;

/// <summary>
/// The handler in a bare host (no portal): its events, its start-up validation, and its logs, which carry codes and
/// counts but no DID, claim or token.
/// </summary>
public sealed class VerifiablePresentationEventsTests : IDisposable
{
    private const string Audience = "https://bare.test";

    private readonly TestWorld world = new();
    private readonly ConcurrentQueue<string> logs = new();

    [Fact]
    public async Task Events_ValidatedFailedChallenge_RaisedAndObeyed()
    {
        var raised = new ConcurrentQueue<string>();
        await using var app = await StartAsync(o =>
        {
            o.Events.OnPresentationValidated = context =>
            {
                raised.Enqueue("validated:" + context.Verification.Credentials.Count);
                ((ClaimsIdentity)context.Principal!.Identity!).AddClaim(new Claim(ClaimTypes.Role, "patient"));
                return Task.CompletedTask;
            };
            o.Events.OnAuthenticationFailed = context =>
            {
                raised.Enqueue("failed:" + context.Error.Code.Value);
                return Task.CompletedTask;
            };
            o.Events.OnChallenge = context =>
            {
                raised.Enqueue("challenge:" + (context.Error?.Code.Value ?? "none"));
                if (context.Error?.Code.Value == "nonce_mismatch")
                {
                    context.Response.StatusCode = StatusCodes.Status418ImATeapot;
                    context.HandleResponse();
                }

                return Task.CompletedTask;
            };
        });
        using var client = app.GetTestClient();

        var (nonce, audience, _) = await PortalFactory.ChallengeAsync(client);
        using var ok = await PortalFactory.GetWithPresentationAsync(client, "/role", world.Present(audience, nonce, [world.Issue("PatientIdentityCredential", TestWorld.PatientClaims())]));
        using var handled = await PortalFactory.GetWithPresentationAsync(client, "/role", world.Present(audience, "unknown", []));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("patient", await ok.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode)418, handled.StatusCode);
        Assert.Empty(handled.Headers.WwwAuthenticate);
        Assert.Equal(["validated:1", "failed:nonce_mismatch", "challenge:nonce_mismatch"], raised);
    }

    [Fact]
    public async Task Events_ValidatedRejects_401()
    {
        await using var app = await StartAsync(o => o.Events.OnPresentationValidated = context =>
        {
            context.Fail("not today");
            return Task.CompletedTask;
        });
        using var client = app.GetTestClient();
        var (nonce, audience, _) = await PortalFactory.ChallengeAsync(client);

        using var response = await PortalFactory.GetWithPresentationAsync(client, "/role", world.Present(audience, nonce, [world.Issue("PatientIdentityCredential", TestWorld.PatientClaims())]));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Logs_ValidAndRefused_NoHealthDataNoDidNoToken()
    {
        await using var app = await StartAsync(_ => { });
        using var client = app.GetTestClient();
        var credential = world.Issue("PatientIdentityCredential", TestWorld.PatientClaims());
        var (nonce, audience, _) = await PortalFactory.ChallengeAsync(client);
        var presentation = world.Present(audience, nonce, [credential]);
        using var ok = await PortalFactory.GetWithPresentationAsync(client, "/role", presentation);
        using var replay = await PortalFactory.GetWithPresentationAsync(client, "/role", presentation);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);

        var verifierLogs = logs.Where(l => l.StartsWith("Identity.Verifier", StringComparison.Ordinal)).ToList();
        Assert.Contains(verifierLogs, l => l.Contains("Presentation refused: nonce_replayed.", StringComparison.Ordinal));
        foreach (var secret in new[] { world.PatientDid, world.HospitalDid, "Alice", "Example", "1990-04-01", nonce, presentation[..20] })
        {
            Assert.DoesNotContain(logs, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Start_NoAudience_FailsNamingTheFix()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = await StartAsync(o => o.Audience = null);
        });

        Assert.Contains("needs an Audience", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidClaimMappingPath_Fails()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = await StartAsync(o => o.ClaimMappings.Add(new CredentialClaimMapping("X", "a[", ClaimTypes.Email)));
        });

        Assert.Contains("invalid path 'a['", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => world.Dispose();

    private async Task<WebApplication> StartAsync(Action<VerifiablePresentationOptions> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(new QueueLoggerProvider(logs));
        builder.Services.AddAuthentication(VerifiablePresentationDefaults.AuthenticationScheme).AddVerifiablePresentation(o =>
        {
            o.Audience = Audience;
            configure(o);
        });
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPresentationChallenge();
        app.MapGet("/role", (ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role) ?? "none").RequireAuthorization();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(categoryName, sink);

        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(string category, ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue(category + ": " + formatter(state, exception) + (exception is null ? "" : " " + exception));
    }
}
