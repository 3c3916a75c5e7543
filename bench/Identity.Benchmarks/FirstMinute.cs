using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Verification;

namespace Identity.Benchmarks;

/// <summary>
/// <c>first-minute</c>: how fast a fresh process verifies VPs in its first seconds, outside BenchmarkDotNet (which
/// measures warmed-up code by design). The parent makes the fixture of <see cref="PresentationBenchmarks"/> once
/// (so that no child has run signing code before it measures), then starts one child process per configuration —
/// runtime settings through <c>DOTNET_*</c> variables, with or without <see cref="VerificationWarmup"/> — each verifying
/// the same VP on one thread for the given seconds and reporting completed verifications per second of wall time.
/// </summary>
/// <remarks>
/// Usage: <c>dotnet run -c Release -- first-minute [--seconds 30] [--only name,name] [--warmup-only]</c>.
/// A child alone: <c>first-minute-child &lt;fixture.json&gt; &lt;seconds&gt; [--warmup]</c>.
/// Set <c>IDENTITY_SECP256K1=managed</c> on the parent to measure the managed fallback (children inherit it).
/// </remarks>
internal static class FirstMinute
{
    public const string Command = "first-minute";
    public const string ChildCommand = "first-minute-child";

    private static readonly int[] ShownSeconds = [1, 2, 3, 4, 5, 10, 15, 20, 30, 45, 60];

    private static readonly (string Name, bool Warmup, (string Name, string Value)[] Environment)[] Configurations =
    [
        ("default", false, []),
        ("default + warm-up", true, []),
        ("TieredPGO=0", false, [("DOTNET_TieredPGO", "0")]),
        ("TieredPGO=0 + warm-up", true, [("DOTNET_TieredPGO", "0")]),
        ("TieredCompilation=0", false, [("DOTNET_TieredCompilation", "0")]),
        ("TC_QuickJitForLoops=0", false, [("DOTNET_TC_QuickJitForLoops", "0")]),
        ("framework ReadyToRun=0", false, [("DOTNET_ReadyToRun", "0")]),

        // What the services run with (Directory.Build.props gives Web SDK projects this runtime option).
        ("delay=0 + warm-up", true, [("DOTNET_TC_CallCountingDelayMs", "0")]),

        // A 1-CPU container: .NET sees one processor and waits ten times longer before counting calls for tier-up.
        ("1 CPU + warm-up", true, [("DOTNET_PROCESSOR_COUNT", "1")]),
        ("1 CPU delay=0 + warm-up", true, [("DOTNET_PROCESSOR_COUNT", "1"), ("DOTNET_TC_CallCountingDelayMs", "0")]),
    ];

    public static int Run(string[] args) => args[0] == ChildCommand ? RunChild(args) : RunParent(args);

    private static int RunParent(string[] args)
    {
        var seconds = 30;
        string[]? only = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seconds" when i + 1 < args.Length:
                    seconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--only" when i + 1 < args.Length:
                    only = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                default:
                    Console.Error.WriteLine($"Unknown argument {args[i]}. Usage: first-minute [--seconds 30] [--only default,\"default + warm-up\"]");
                    return 2;
            }
        }

        var fixture = PresentationBenchmarks.Fixture.Create();
        var documents = new JsonObject();
        foreach (var (did, document) in fixture.Documents)
        {
            documents[did] = document.ToJson();
        }

        var file = Path.Combine(Path.GetTempPath(), $"identity-first-minute-{Environment.ProcessId}.json");
        File.WriteAllText(file, new JsonObject { ["presentation"] = fixture.Presentation, ["documents"] = documents }.ToJsonString());
        try
        {
            Console.WriteLine($"first-minute: {seconds} s per configuration, secp256k1 = {Secp256k1.Default.Name}, {Environment.ProcessorCount} logical CPUs, load average {LoadAverage()}");
            var header = new StringBuilder($"{"configuration",-26}{"ready ms",9}{"1st µs",9}");
            foreach (var second in ShownSeconds.Where(s => s <= seconds))
            {
                header.Append(CultureInfo.InvariantCulture, $"{"s" + second,7}");
            }

            Console.WriteLine(header.Append($"{"first 5 s / last 5 s",22}"));
            foreach (var (name, warmup, environment) in Configurations)
            {
                if (only is not null && !only.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                Console.WriteLine(RunConfiguration(name, file, seconds, warmup, environment));
            }

            Console.WriteLine("Columns sN: VPs verified during second N after the process was ready (after the warm-up when there is one).");
            return 0;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string RunConfiguration(string name, string file, int seconds, bool warmup, (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(FirstMinute).Assembly.Location);
        }

        foreach (var argument in new[] { ChildCommand, file, seconds.ToString(CultureInfo.InvariantCulture) }.Concat(warmup ? ["--warmup"] : []))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (variable, value) in environment)
        {
            start.Environment[variable] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            return $"{name,-26} failed ({process.ExitCode}): {stderr.Result.Trim()}";
        }

        using var report = JsonDocument.Parse(stdout);
        var root = report.RootElement;
        var perSecond = root.GetProperty("perSecond").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var line = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{name,-26}{root.GetProperty("readyMs").GetDouble(),9:F0}{root.GetProperty("firstMicroseconds").GetDouble(),9:F0}");
        foreach (var second in ShownSeconds.Where(s => s <= seconds))
        {
            line.Append(CultureInfo.InvariantCulture, $"{(second <= perSecond.Length ? perSecond[second - 1] : 0),7}");
        }

        var window = Math.Min(5, perSecond.Length / 2);
        var ratio = window == 0 ? double.NaN : perSecond.Take(window).Average() / perSecond.TakeLast(window).Average();
        line.Append(CultureInfo.InvariantCulture, $"{ratio,22:F2}");
        if (root.TryGetProperty("warmup", out var warm))
        {
            line.Append(CultureInfo.InvariantCulture, $"   (warm-up: {warm.GetString()})");
        }

        return line.ToString();
    }

    private static int RunChild(string[] args)
    {
        var started = Stopwatch.GetTimestamp();
        var seconds = int.Parse(args[2], CultureInfo.InvariantCulture);
        var warmup = args.Length > 3 && args[3] == "--warmup";
        var report = new JsonObject();
        if (warmup)
        {
            var result = VerificationWarmup.Run(TimeSpan.FromSeconds(20));
            if (result.Problems.Count > 0)
            {
                Console.Error.WriteLine("warm-up problems: " + string.Join("; ", result.Problems));
                return 1;
            }

            report["warmup"] = string.Create(CultureInfo.InvariantCulture, $"{result.Iterations} rounds, {result.Elapsed.TotalMilliseconds:F0} ms, {(result.Completed ? "steady" : "cut short")}");
        }

        // As a service would: the documents come from the wire as JSON and are parsed on the first (cold) resolution.
        using var input = JsonDocument.Parse(File.ReadAllText(args[1]));
        var presentation = input.RootElement.GetProperty("presentation").GetString()!;
        var documents = input.RootElement.GetProperty("documents").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        using var cache = new CachingDidResolver(new JsonDidResolver(documents), new DidCacheOptions { TimeToLive = TimeSpan.FromDays(1) });
        var verifier = new PresentationVerifier(cache, new CredentialVerifier(cache));
        report["readyMs"] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var ready = Stopwatch.GetTimestamp();
        var perSecond = new int[seconds];
        var firstMicroseconds = 0.0;
        var count = 0;
        while (true)
        {
            var result = verifier.VerifyAsync(presentation, PresentationBenchmarks.Audience, PresentationBenchmarks.Nonce, PresentationBenchmarks.Options).GetAwaiter().GetResult();
            if (!result.Verified)
            {
                Console.Error.WriteLine("The fixture did not verify: " + result.ToJson());
                return 1;
            }

            var elapsed = Stopwatch.GetElapsedTime(ready);
            if (count++ == 0)
            {
                firstMicroseconds = elapsed.TotalMicroseconds;
            }

            var second = (int)elapsed.TotalSeconds;
            if (second >= seconds)
            {
                break;
            }

            perSecond[second]++;
        }

        report["firstMicroseconds"] = firstMicroseconds;
        report["perSecond"] = new JsonArray([.. perSecond.Select(n => (JsonNode)n)]);
        Console.WriteLine(report.ToJsonString());
        return 0;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    /// <summary>Parses each document on resolution, as a resolver over the network would; the cache keeps the result.</summary>
    private sealed class JsonDidResolver(IReadOnlyDictionary<string, string> documents) : IDidResolver
    {
        public Task<DidResolutionResult> ResolveAsync(string didOrDidUrl, DidResolutionOptions? options = null, CancellationToken cancellationToken = default)
        {
            var did = didOrDidUrl.Split('#', '?')[0];
            return Task.FromResult(documents.TryGetValue(did, out var json)
                ? DidResolutionResult.Success(DidDocument.Parse(json), "application/did+ld+json")
                : DidResolutionResult.Failure(DidResolutionErrors.NotFound, "unknown DID"));
        }
    }
}
