using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Identity.Issuer.Keys;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;
using Identity.TestSupport;

namespace Identity.Issuer.Tests.Api;

/// <summary>
/// Crash safety of the real service process on SQLite: SIGKILL in the middle of a parallel load, restart on the
/// same data directory; every credential acknowledged with 201 is in the store with the status entry it was given,
/// and no status entry is handed out twice, before or after the crash.
/// </summary>
public sealed class IssuerCrashTests : IDisposable
{
    private const string Key = "crash-test-key-0123456789";
    private readonly string directory = Path.Combine(Path.GetTempPath(), "issuer-crash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Issue_KilledMidLoadThenRestarted_EveryAcknowledgedCredentialKeptAndNoIndexReused()
    {
        Directory.CreateDirectory(directory);
        using var owner = PrivateKey.Generate(KeyType.Secp256k1);
        var keyFile = Path.Combine(directory, "issuer-key.json");
        await File.WriteAllTextAsync(keyFile, KeyStoreJson.EncryptV3(owner, "pw"u8, new ScryptParameters(1 << 10, 8, 1)));
        var settings = new Dictionary<string, string>
        {
            ["Issuer:PublicBaseUrl"] = "http://issuer.test/",
            ["Issuer:Did"] = "did:ethr:dev:" + owner.PublicKey.ToEthereumAddress(),
            ["Issuer:Keys:0:File"] = keyFile,
            ["Issuer:Keys:0:PasswordEnvironmentVariable"] = "ISSUER_CRASH_TEST_PASSWORD",
            ["Issuer:Storage:DataDirectory"] = Path.Combine(directory, "data"),
            ["Issuer:RateLimit:PermitsPerSecond"] = "100000",
            ["Issuer:RateLimit:Burst"] = "100000",
            ["Issuer:Auth:ApiKeys:0:Name"] = "front-desk",
            ["Issuer:Auth:ApiKeys:0:Sha256"] = Hex.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(Key))),
            ["Issuer:Auth:ApiKeys:0:Roles:0"] = "issuer.issue",
            ["Issuer:Auth:ApiKeys:0:Roles:1"] = "issuer.proofing",
            ["Issuer:Auth:ApiKeys:0:Roles:2"] = "issuer.read",
        };
        var port = LoopbackPort.Free();
        var acknowledged = new ConcurrentDictionary<string, (int List, int Index)>();
        await using (var service = await StartAsync(settings, port))
        {
            using var http = Client(service.BaseUrl);
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        if (await IssueAsync(http) is { } issued)
                        {
                            Assert.True(acknowledged.TryAdd(issued.Id, (issued.List, issued.Index)));
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the process is gone
                    }
                    catch (TaskCanceledException)
                    {
                        return;
                    }
                    catch (IOException)
                    {
                        return;
                    }
                }
            })).ToArray();

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (acknowledged.Count < 300 && DateTime.UtcNow < deadline && workers.Any(w => !w.IsCompleted))
            {
                await Task.Delay(20);
            }

            service.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }

        Assert.True(acknowledged.Count >= 300);
        Assert.Equal(acknowledged.Count, acknowledged.Values.Distinct().Count());

        await using var restarted = await StartAsync(settings, port);
        using var client = Client(restarted.BaseUrl);
        foreach (var (id, entry) in acknowledged)
        {
            var metadata = await client.GetFromJsonAsync<JsonObject>("credentials/" + Uri.EscapeDataString(id));
            Assert.Equal(entry, (metadata!["list"]!.GetValue<int>(), metadata["index"]!.GetValue<int>()));
        }

        // Entries handed out after the restart never repeat one handed out before the crash.
        var after = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => IssueAsync(client)));
        var seen = acknowledged.Values.ToHashSet();
        Assert.All(after, issued => Assert.True(seen.Add((issued!.List, issued.Index))));
    }

    /// <summary>The built service as a real process on <paramref name="port"/>, so that it can be SIGKILLed and started again on the same data.</summary>
    private Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> settings, int port) => ServiceProcess.StartAsync(
        "issuer",
        ServiceProcess.BuildOutput("src/Issuer", "Identity.Issuer.dll"),
        port,
        settings.Select(setting => $"--{setting.Key}={setting.Value}"),
        "/health",
        directory,
        new Dictionary<string, string> { ["ISSUER_CRASH_TEST_PASSWORD"] = "pw" });

    private static HttpClient Client(Uri baseAddress)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return http;
    }

    private static async Task<Issued?> IssueAsync(HttpClient http)
    {
        var body = IssuerApiHost.PatientRequest("did:ethr:dev:0x" + Hex.Encode(RandomNumberGenerator.GetBytes(20)), null, algorithm: "ES256K");
        body["waiveHolderProof"] = true;
        using var response = await http.PostAsJsonAsync("credentials", body);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return null;
        }

        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return new Issued(json["id"]!.GetValue<string>(), json["status"]!["list"]!.GetValue<int>(), json["status"]!["index"]!.GetValue<int>());
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private sealed record Issued(string Id, int List, int Index);
}
