using System.Diagnostics;
using System.Net;

namespace Identity.TestSupport;

/// <summary>
/// A service of this repository (the issuer, the portal) run as its own process from its build output, as an operator
/// would run it: listening on a free loopback port, its output kept in a log file (shown when it fails), stopped —
/// only this process, by its id — when disposed.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly StreamWriter log;

    private ServiceProcess(string name, Process process, StreamWriter log, Uri baseUrl, string logPath)
    {
        Name = name;
        this.process = process;
        this.log = log;
        BaseUrl = baseUrl;
        LogPath = logPath;
    }

    public string Name { get; }

    public Uri BaseUrl { get; }

    public string LogPath { get; }

    /// <summary>Starts <paramref name="assemblyPath"/> with <c>dotnet</c> and waits until <paramref name="readyPath"/> answers 200.</summary>
    public static async Task<ServiceProcess> StartAsync(string name, string assemblyPath, int port, IEnumerable<string> arguments, string readyPath, string logDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(assemblyPath))
        {
            throw new FileNotFoundException($"{name}: {assemblyPath} is not built; run scripts/demo.sh (it builds the solution first).");
        }

        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
        };
        start.ArgumentList.Add(assemblyPath);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl.ToString().TrimEnd('/'));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (variable, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[variable] = value;
        }

        var logPath = Path.Combine(logDirectory, name + ".log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name}: dotnet did not start");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(name, process, log, baseUrl, logPath);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await http.GetAsync(new Uri(baseUrl, readyPath));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        await service.DisposeAsync();
        throw new InvalidOperationException($"{name} did not become ready within {StartTimeout.TotalSeconds:0} s; its log:\n{File.ReadAllText(logPath)}");
    }

    /// <summary>
    /// The build output of <paramref name="assembly"/> in <paramref name="project"/> (a path under the repository root),
    /// built with the configuration and framework the caller itself runs from (bin/&lt;Configuration&gt;/&lt;framework&gt;/).
    /// </summary>
    public static string BuildOutput(string project, string assembly)
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(RepositoryPaths.RepositoryRoot, project, "bin", framework.Parent!.Name, framework.Name, assembly);
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut of the process (crash tests restart it on the same data).</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        await log.DisposeAsync();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }
}
