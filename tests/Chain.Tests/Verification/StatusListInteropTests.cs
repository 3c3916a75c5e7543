using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Identity.Chain.Tests.Ethereum;
using Identity.Shared.Credentials;
using Identity.Shared.Crypto;
using Identity.Shared.StatusLists;
using Identity.Shared.Verification;
using Identity.TestSupport.Chain;
using Xunit.Abstractions;

namespace Identity.Chain.Tests.Verification;

/// <summary>
/// Status on the chain: the did:ethr issuer signs its status lists (VC-JWT, #controller), a real HTTP server on
/// 127.0.0.1 serves them, and the engine fetches and verifies them. did-jwt-vc checks no status, so its verdict is
/// printed for the record only.
/// </summary>
[Collection(AnvilFixture.Collection)]
public sealed class StatusListInteropTests(AnvilFixture chain, ITestOutputHelper output)
{
    [Fact]
    public async Task VerifyAsync_StatusListsOfTheIssuer_RevokedSuspendedUnavailable()
    {
        using var world = await EthrWorld.CreateAsync(chain);
        var now = TimeProvider.System.GetUtcNow();
        var revocationList = new BitstringStatusListBuilder().Set(5, true).ToStatusList();
        var suspensionList = new BitstringStatusListBuilder().Set(7, true).ToStatusList();
        var revocationJwt = "";
        var suspensionJwt = "";
        var forgedJwt = "";
        await using var revocationServer = Serve(() => revocationJwt);
        await using var suspensionServer = Serve(() => suspensionJwt);
        await using var forgedServer = Serve(() => forgedJwt);
        var controller = new JwtSigningOptions { KeyId = world.IssuerDid + "#controller" };
        revocationJwt = SignList(revocationServer.Url, world.IssuerDid, StatusPurposes.Revocation, revocationList, world.Issuer, controller, now);
        suspensionJwt = SignList(suspensionServer.Url, world.IssuerDid, StatusPurposes.Suspension, suspensionList, world.Issuer, controller, now);

        // A list claiming to be the issuer's, signed by someone else: must not be believed.
        forgedJwt = SignList(forgedServer.Url, world.IssuerDid, StatusPurposes.Revocation, new BitstringStatusListBuilder().ToStatusList(), world.Stranger, JwtSigningOptions.None, now);
        var unreachable = new Uri($"http://127.0.0.1:{ClosedPort()}/status/1");

        var cases = new (string Name, JsonObject Status, string Expected)[]
        {
            ("revoked (revocation bit 5 set)", Entry(revocationServer.Url, StatusPurposes.Revocation, 5), "revoked"),
            ("not revoked (revocation bit 6 clear)", Entry(revocationServer.Url, StatusPurposes.Revocation, 6), "valid"),
            ("suspended (suspension bit 7 set)", Entry(suspensionServer.Url, StatusPurposes.Suspension, 7), "suspended"),
            ("not suspended (suspension bit 5 clear)", Entry(suspensionServer.Url, StatusPurposes.Suspension, 5), "valid"),
            ("list unreachable (connection refused)", Entry(unreachable, StatusPurposes.Revocation, 5), "status_unavailable"),
            ("list signed by another key", Entry(forgedServer.Url, StatusPurposes.Revocation, 5), "status_unavailable"),
        };

        using var http = new HttpClient();
        var provider = new HttpStatusListProvider(http, new HttpStatusListProviderOptions { AllowHttp = true, Timeout = TimeSpan.FromSeconds(5) }, TimeProvider.System);
        var verifier = new CredentialVerifier(world.Resolver, provider);
        var tokens = cases.Select(c => VcJwt.SignCredential(DidJwtVcInteropTests.Credential(world.IssuerDid, world.HolderDid, now, c.Status), world.Issuer, SignatureAlgorithm.ES256K, controller)).ToList();
        var theirs = await world.RunNodeAsync(tokens.Select(t => new JsonObject { ["op"] = "verifyVc", ["jwt"] = t }));
        var failures = new List<string>();
        for (var i = 0; i < cases.Length; i++)
        {
            var ours = DidJwtVcInteropTests.Verdict(await verifier.VerifyAsync(tokens[i]));
            var reference = DidJwtVcInteropTests.Classify(theirs[i]!);
            output.WriteLine($"| status: {cases[i].Name} | {reference} (status not checked) | {ours} |");
            if (ours != cases[i].Expected)
            {
                failures.Add($"{cases[i].Name}: ours {ours}, expected {cases[i].Expected}; did-jwt-vc {reference}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static string SignList(Uri url, string issuer, string purpose, BitstringStatusList list, PrivateKey key, JwtSigningOptions options, DateTimeOffset now)
    {
        var credential = BitstringStatusListCredential.Create(url.ToString(), issuer, [purpose], list, DataModelVersion.V1_1, validFrom: now.AddMinutes(-1));
        return VcJwt.SignCredential(credential, key, SignatureAlgorithm.ES256K, options);
    }

    private static JsonObject Entry(Uri list, string purpose, int index) => new()
    {
        ["id"] = $"{list}#{index}",
        ["type"] = "BitstringStatusListEntry",
        ["statusPurpose"] = purpose,
        ["statusListIndex"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["statusListCredential"] = list.ToString(),
    };

    /// <summary>A real HTTP/1.1 server on 127.0.0.1 answering every request with the current list JWT.</summary>
    private static LoopbackHttpServer Serve(Func<string> body) => new(async (stream, cancellationToken) =>
    {
        var content = Encoding.ASCII.GetBytes(body());
        var head = $"HTTP/1.1 200 OK\r\nContent-Type: application/vc+jwt\r\nContent-Length: {content.Length}\r\nCache-Control: max-age=60\r\nConnection: close\r\n\r\n";
        await LoopbackHttpServer.WriteAsync(stream, head, cancellationToken);
        await stream.WriteAsync(content, cancellationToken);
    });

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
