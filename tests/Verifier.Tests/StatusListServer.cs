using System.Net;
using System.Text.Json.Nodes;
using Identity.Shared.Credentials;
using Identity.Shared.Crypto;
using Identity.Shared.StatusLists;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Identity.Verifier.Tests;

/// <summary>An issuer's revocation list served by a real Kestrel server on 127.0.0.1, signed by the issuer's key.</summary>
public sealed class StatusListServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private string listJwt = "";

    private StatusListServer(WebApplication app) => this.app = app;

    public Uri ListUrl { get; private set; } = new("http://127.0.0.1:0/status/1");

    public static async Task<StatusListServer> StartAsync(PrivateKey issuerKey, params int[] revoked)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new StatusListServer(app);
        app.MapGet("/status/1", () => Results.Text(server.listJwt, "application/vc+jwt"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.ListUrl = new Uri(address.TrimEnd('/') + "/status/1");

        var builderList = new BitstringStatusListBuilder();
        foreach (var index in revoked)
        {
            builderList.Set(index, true);
        }

        var issuerDid = TestWorld.Did(issuerKey);
        var credential = BitstringStatusListCredential.Create(server.ListUrl.ToString(), issuerDid, [StatusPurposes.Revocation], builderList.ToStatusList(), DataModelVersion.V1_1, validFrom: TimeProvider.System.GetUtcNow().AddMinutes(-1));
        server.listJwt = VcJwt.SignCredential(credential, issuerKey, SignatureAlgorithm.ES256K, new JwtSigningOptions { KeyId = issuerDid + "#" + issuerDid["did:key:".Length..] });
        return server;
    }

    public JsonObject Entry(int index) => new()
    {
        ["id"] = $"{ListUrl}#{index}",
        ["type"] = "BitstringStatusListEntry",
        ["statusPurpose"] = StatusPurposes.Revocation,
        ["statusListIndex"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["statusListCredential"] = ListUrl.ToString(),
    };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
