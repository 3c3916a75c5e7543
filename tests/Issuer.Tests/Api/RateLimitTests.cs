using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Identity.Issuer.Keys;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.Issuer.Tests.Api;

/// <summary>The per-principal token bucket: past the burst a principal gets 429 rate_limited; another principal does not.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "issuer-ratelimit-" + Guid.NewGuid().ToString("N"));
    private readonly PrivateKey key = PrivateKey.Generate(KeyType.Ed25519);
    private WebApplicationFactory<Program> factory = null!;

    public Task InitializeAsync()
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Issuer:PublicBaseUrl", "http://localhost/");
            web.UseSetting("Issuer:Storage:DataDirectory", directory);
            web.UseSetting("Issuer:RateLimit:PermitsPerSecond", "1");
            web.UseSetting("Issuer:RateLimit:Burst", "3");
            for (var i = 0; i < 2; i++)
            {
                web.UseSetting($"Issuer:Auth:ApiKeys:{i}:Name", "system-" + i);
                web.UseSetting($"Issuer:Auth:ApiKeys:{i}:Sha256", Hex.Encode(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("rate-key-" + i))));
                web.UseSetting($"Issuer:Auth:ApiKeys:{i}:Roles:0", "issuer.issue");
            }

            web.ConfigureTestServices(services => services.AddSingleton<IIssuerKeyRing>(
                new FixedKeyRing("did:web:localhost", [new IssuerKey("did:web:localhost#key-1", new PrivateKeySigner(key, SignatureAlgorithm.EdDSA), Active: true)])));
        });
        _ = factory.Server;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Nonce_PastTheBurst_Is429ForThatPrincipalOnly()
    {
        using var busy = factory.CreateClient();
        busy.DefaultRequestHeaders.Add("X-Api-Key", "rate-key-0");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await busy.PostAsync(new Uri("/nonce", UriKind.Relative), null);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("rate_limited", (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
                Assert.True(response.Headers.Contains("Retry-After"));
            }
        }

        Assert.Equal(HttpStatusCode.Created, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);

        using var other = factory.CreateClient();
        other.DefaultRequestHeaders.Add("X-Api-Key", "rate-key-1");
        using var otherResponse = await other.PostAsync(new Uri("/nonce", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, otherResponse.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        key.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
