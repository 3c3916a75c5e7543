using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Identity.Verifier.Tests;

/// <summary>
/// The ClinicPortal sample in process (TestServer), or on a real Kestrel port for the browser. Settings go in as
/// host settings (the portal reads them before it builds); the clock is an <see cref="OffsetTimeProvider"/>.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    public const string DefaultAudience = "https://clinic.test";

    private readonly Dictionary<string, string?> settings;

    public PortalFactory(string audience = DefaultAudience, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        Audience = audience;
        this.settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Portal:Audience"] = audience,
            ["Portal:ErrorDocumentation"] = "https://docs.test/errors.md",
            ["Portal:ChallengeRateLimit"] = "1000",
            ["Identity:StatusLists:AllowHttp"] = "true",
            // Every test builds its own host; the warm-up has its own test (VerificationWarmupServiceTests).
            ["Portal:Warmup:Budget"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? [])
        {
            this.settings[key] = value;
        }
    }

    public string Audience { get; }

    public OffsetTimeProvider Clock { get; } = new();

    /// <summary>Settings trusting <paramref name="issuers"/> for every credential.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Trusting(params string[] issuers) =>
        issuers.Select((did, i) => new KeyValuePair<string, string?>($"Portal:TrustedIssuers:{i}", did));

    /// <summary>GET /auth/challenge → (nonce, audience).</summary>
    public static async Task<(string Nonce, string Audience, DateTimeOffset ExpiresAt)> ChallengeAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/auth/challenge", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("nonce").GetString()!, body.GetProperty("audience").GetString()!, body.GetProperty("expiresAt").GetDateTimeOffset());
    }

    /// <summary>GET <paramref name="path"/> with the presentation as bearer token.</summary>
    public static async Task<HttpResponseMessage> GetWithPresentationAsync(HttpClient client, string path, string presentation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", presentation);
        return await client.SendAsync(request);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
