using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Identity.Shared.Credentials;
using Identity.Shared.Crypto;
using Identity.Shared.Dids.Ethr;
using Identity.TestSupport;
using Identity.TestSupport.Chain;

// Load on the clinic portal's protected endpoint (GET /api/me), driven by wrk on loopback: first authenticated by a
// verifiable presentation on every request (issuer and holder did:ethr on a local anvil chain, ES256K; presentations
// prepared beforehand, each for its own fresh challenge, each sent once), then by the cookie of one sign-in.
// Usage: dotnet run -c Release --project bench/PortalLoad -- [--presentations N] [--duration SECONDS] [--connections N]
var presentations = Option("--presentations", 90_000);
var duration = Option("--duration", 10);
var connections = Option("--connections", 32);
const int WrkThreads = 2;

var work = Directory.CreateTempSubdirectory("identity-load-");
using var chain = new AnvilFixture();
ServiceProcess? portal = null;
try
{
    await chain.InitializeAsync();
    using var issuerKey = AnvilFixture.DevKey(1);
    using var holderKey = PrivateKey.Generate(KeyType.Secp256k1);
    var issuer = EthrDid.Format(issuerKey.PublicKey.ToEthereumAddress(), "dev");
    var holder = EthrDid.Format(holderKey.PublicKey.ToEthereumAddress(), "dev");

    var port = LoopbackPort.Free();
    var audience = $"http://127.0.0.1:{port}";
    portal = await ServiceProcess.StartAsync(
        "portal",
        ServiceProcess.BuildOutput("samples/ClinicPortal", "ClinicPortal.dll"),
        port,
        [
            $"--Portal:Audience={audience}", $"--Portal:TrustedIssuers:0={issuer}",
            // Preparing the presentations asks for one challenge each, far past a client's normal rate.
            $"--Portal:ChallengeRateLimit={presentations * 2}", $"--Portal:NonceStore:MaxEntries={presentations + 1_000}",
            // A did:ethr entry asks the chain whether it changed at most every 30 s instead of on every use.
            "--Identity:DidCache:RevalidateAfter=00:00:30",
            "--Identity:Ethr:Networks:0:Name=dev", $"--Identity:Ethr:Networks:0:ChainId={chain.ChainId}",
            $"--Identity:Ethr:Networks:0:RpcUrl={chain.RpcUrl}", $"--Identity:Ethr:Networks:0:Registry={chain.RegistryAddress}",
        ],
        "/signin",
        work.FullName);

    var credential = VcJwt.SignCredential(
        VerifiableCredential.Create(new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1"),
            ["type"] = new JsonArray("VerifiableCredential", "PatientIdentityCredential"),
            ["issuer"] = issuer,
            ["issuanceDate"] = VerifiableCredential.FormatDate(DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - 60)),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = holder,
                ["resourceType"] = "Patient",
                ["name"] = new JsonArray(new JsonObject { ["family"] = "Example", ["given"] = new JsonArray("Alice") }),
                ["birthDate"] = "1990-04-01",
            },
        }),
        issuerKey,
        SignatureAlgorithm.ES256K,
        new JwtSigningOptions { KeyId = issuer + "#controller" });

    using var http = new HttpClient { BaseAddress = portal.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
    Console.WriteLine($"preparing {presentations:N0} presentations, each for its own challenge…");
    var preparation = Stopwatch.StartNew();
    var tokens = new string[presentations];
    await Parallel.ForAsync(0, presentations, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancellationToken) =>
    {
        var challenge = JsonNode.Parse(await http.GetStringAsync("/auth/challenge", cancellationToken))!;
        tokens[i] = VcJwt.SignPresentation(
            VerifiablePresentation.Create(DataModelVersion.V1_1, holder, [credential]),
            holderKey,
            SignatureAlgorithm.ES256K,
            new JwtSigningOptions { KeyId = holder + "#controller", Audience = [(string)challenge["audience"]!], Nonce = (string)challenge["nonce"]! });
    });
    var tokenFile = Path.Combine(work.FullName, "presentations.txt");
    await File.WriteAllLinesAsync(tokenFile, tokens);
    Console.WriteLine($"prepared in {preparation.Elapsed.TotalSeconds:0.0} s");

    // One presentation first, outside the measurement: it resolves both DIDs into the cache and checks the set-up.
    using (var first = new HttpRequestMessage(HttpMethod.Get, "/api/me"))
    {
        first.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[0]);
        using var response = await http.SendAsync(first);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"the portal refused a prepared presentation: {(int)response.StatusCode} {response.Headers.WwwAuthenticate}");
        }
    }

    await File.WriteAllLinesAsync(tokenFile, tokens[1..]);
    var script = Path.Combine(AppContext.BaseDirectory, "vp-once.lua");
    var byPresentation = await WrkAsync(["-t", $"{WrkThreads}", "-c", $"{connections}", "-d", $"{duration}s", "--latency", "-s", script, $"{audience}/api/me", "--", tokenFile, $"{WrkThreads}"]);

    string cookie;
    using (var signIn = new HttpRequestMessage(HttpMethod.Post, "/auth/signin"))
    {
        var challenge = JsonNode.Parse(await http.GetStringAsync("/auth/challenge"))!;
        signIn.Headers.Authorization = new AuthenticationHeaderValue("Bearer", VcJwt.SignPresentation(
            VerifiablePresentation.Create(DataModelVersion.V1_1, holder, [credential]),
            holderKey,
            SignatureAlgorithm.ES256K,
            new JwtSigningOptions { KeyId = holder + "#controller", Audience = [(string)challenge["audience"]!], Nonce = (string)challenge["nonce"]! }));
        using var response = await http.SendAsync(signIn);
        response.EnsureSuccessStatusCode();
        cookie = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("clinic.session", StringComparison.Ordinal));
    }

    var byCookie = await WrkAsync(["-t", $"{WrkThreads}", "-c", $"{connections}", "-d", $"{duration}s", "--latency", "-H", $"Cookie: {cookie}", $"{audience}/api/me"]);

    Console.WriteLine();
    Console.WriteLine($"GET /api/me on loopback, wrk {WrkThreads} threads, {connections} connections, {duration} s, {Environment.ProcessorCount} cores shared by wrk, the portal and anvil");
    Console.WriteLine("| authenticated by | requests/s | p50 | p99 | requests | non-2xx |");
    Console.WriteLine("|---|---|---|---|---|---|");
    Console.WriteLine(byPresentation.Row("a fresh VP on every request"));
    Console.WriteLine(byCookie.Row("the sign-in cookie"));
    if (byPresentation.Non2xx > 0 || byCookie.Non2xx > 0)
    {
        Console.Error.WriteLine("some requests were refused; see the portal log " + portal.LogPath);
        return 1;
    }

    return 0;
}
finally
{
    if (portal is not null)
    {
        await portal.DisposeAsync();
    }

    work.Delete(recursive: true);
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}

static async Task<WrkResult> WrkAsync(string[] arguments)
{
    var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (scripts/setup.sh installs it)");
    var output = await wrk.StandardOutput.ReadToEndAsync();
    var errors = await wrk.StandardError.ReadToEndAsync();
    await wrk.WaitForExitAsync();
    Console.WriteLine(output);
    if (wrk.ExitCode != 0)
    {
        throw new InvalidOperationException($"wrk failed ({wrk.ExitCode}): {errors}");
    }

    return WrkResult.Parse(output);
}

/// <summary>The figures of one wrk run, read from its text output.</summary>
internal sealed partial record WrkResult(double RequestsPerSecond, string P50, string P99, long Requests, long Non2xx)
{
    public static WrkResult Parse(string output)
    {
        string Match(Regex pattern) => pattern.Match(output) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("unexpected wrk output:\n" + output);
        var non2xx = NonSuccessPattern().Match(output);
        return new WrkResult(
            double.Parse(Match(RatePattern()), CultureInfo.InvariantCulture),
            Match(P50Pattern()),
            Match(P99Pattern()),
            long.Parse(Match(RequestsPattern()), CultureInfo.InvariantCulture),
            non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
    }

    public string Row(string label) => $"| {label} | {RequestsPerSecond:N0} | {P50} | {P99} | {Requests:N0} | {Non2xx:N0} |";

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"\s50%\s+(\S+)")]
    private static partial Regex P50Pattern();

    [GeneratedRegex(@"\s99%\s+(\S+)")]
    private static partial Regex P99Pattern();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsPattern();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccessPattern();
}
