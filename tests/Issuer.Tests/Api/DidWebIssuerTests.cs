using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Identity.Issuer.Keys;
using Identity.Shared.Credentials;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Encoding;
using Identity.Shared.StatusLists;
using Identity.Shared.Verification;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.Issuer.Tests.Api;

/// <summary>
/// A did:web issuer served by the service itself after a key rotation: the document lists the retired key too,
/// so a credential it signed before the rotation still verifies, while new credentials use the active key.
/// </summary>
public sealed class DidWebIssuerTests : IAsyncLifetime
{
    private const string Did = "did:web:localhost";
    private const string ProofingKey = "did-web-proofing-key-0123";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "issuer-didweb-" + Guid.NewGuid().ToString("N"));
    private readonly PrivateKey retired = PrivateKey.Generate(KeyType.Secp256k1);
    private readonly PrivateKey active = PrivateKey.Generate(KeyType.Ed25519);
    private WebApplicationFactory<Program> factory = null!;

    public Task InitializeAsync()
    {
        var ring = new FixedKeyRing(Did,
        [
            new IssuerKey(Did + "#key-1", new PrivateKeySigner(retired, SignatureAlgorithm.ES256K), Active: false),
            new IssuerKey(Did + "#key-2", new PrivateKeySigner(active, SignatureAlgorithm.EdDSA), Active: true),
        ]);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Issuer:PublicBaseUrl", "http://localhost/");
            web.UseSetting("Issuer:Storage:DataDirectory", directory);
            web.UseSetting("Issuer:Auth:ApiKeys:0:Name", "front-desk");
            web.UseSetting("Issuer:Auth:ApiKeys:0:Sha256", Hex.Encode(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ProofingKey))));
            web.UseSetting("Issuer:Auth:ApiKeys:0:Roles:0", "issuer.issue");
            web.UseSetting("Issuer:Auth:ApiKeys:0:Roles:1", "issuer.proofing");
            web.ConfigureTestServices(services =>
            {
                services.AddSingleton<IIssuerKeyRing>(ring);
                services.Configure<DidWebOptions>(options => options.AllowHttpForLocalhost = true);
                services.AddHttpClient(Identity.Shared.Dids.DidWebResolver.HttpClientName)
                    .ConfigurePrimaryHttpMessageHandler(() => new LateTestServerHandler(() => factory.Server.CreateHandler()));
            });
        });
        _ = factory.Server;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task DidWeb_AfterRotation_NewAndOldCredentialsVerify()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ProofingKey);
        var body = IssuerApiHost.PatientRequest("did:ethr:0x" + Hex.Encode(RandomNumberGenerator.GetBytes(20)), null);
        body["waiveHolderProof"] = true;
        using var response = await client.PostAsJsonAsync("/credentials", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["credential"]!.GetValue<string>();

        var document = await client.GetFromJsonAsync<JsonObject>("/.well-known/did.json");
        Assert.Equal([Did + "#key-1", Did + "#key-2"], document!["assertionMethod"]!.AsArray().Select(m => m!.GetValue<string>()).ToArray());

        var fresh = await VerifyAsync(token);
        Assert.True(fresh.Verified, string.Join(", ", fresh.Errors));

        // A credential signed with the key before it was retired.
        Assert.True(VcJwt.TryDecodeCredential(token, null, out var decoded, out _));
        var old = VcJwt.SignCredential(decoded.Credential, retired, SignatureAlgorithm.ES256K, new JwtSigningOptions { KeyId = Did + "#key-1" });
        var before = await VerifyAsync(old);
        Assert.True(before.Verified, string.Join(", ", before.Errors));

        // The retired key signs nothing new.
        body["algorithm"] = "ES256K";
        using var refused = await client.PostAsJsonAsync("/credentials", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("unsupported_algorithm", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
    }

    private async Task<VerificationResult> VerifyAsync(string token)
    {
        using var http = factory.CreateClient();
        var statusLists = new HttpStatusListProvider(http, new HttpStatusListProviderOptions { AllowHttp = true }, TimeProvider.System);
        return await new CredentialVerifier(factory.Services.GetRequiredService<IDidResolver>(), statusLists, TimeProvider.System).VerifyAsync(token);
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        retired.Dispose();
        active.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
