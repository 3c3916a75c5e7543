using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Identity.TestSupport;

namespace Identity.Issuer.Tests.Api;

/// <summary>
/// The built service (Identity.Issuer.dll) run as a real process on a free loopback port with settings passed as
/// environment variables, so that a test can SIGKILL it and start it again on the same data.
/// </summary>
internal sealed class IssuerProcess : IDisposable
{
    private readonly Process process;

    private IssuerProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static string AssemblyPath
    {
        get
        {
            // The test build builds the service too; take the service's own output (its runtimeconfig sits beside it).
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(RepositoryPaths.RepositoryRoot, "src", "Issuer", "bin", configuration, "net10.0", "Identity.Issuer.dll");
        }
    }

    public static async Task<IssuerProcess> StartAsync(IReadOnlyDictionary<string, string> settings, int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(AssemblyPath)!,
        };
        start.ArgumentList.Add(AssemblyPath);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new IssuerProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { BaseAddress = running.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The issuer exited with {process.ExitCode} at start.");
            }

            try
            {
                using var health = await http.GetAsync(new Uri("health", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return running;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        running.Dispose();
        throw new TimeoutException("The issuer did not answer /health within 60 s.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut of the process.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }
}
