using System.Diagnostics;

namespace Identity.TestSupport;

/// <summary>
/// Runs a script of tests/node (an ES module) with node, feeding JSON on stdin and returning stdout, so that the
/// reference implementations (did-jwt, did-jwt-vc, ethr-did-resolver) judge what we produce.
/// </summary>
public static class NodeScript
{
    /// <summary>The longest a reference script may run before the test fails.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <c>node tests/node/<paramref name="script"/> args…</c>; throws with stderr when it exits non-zero.</summary>
    public static async Task<string> RunAsync(string script, string stdin, params string[] arguments)
    {
        _ = RepositoryPaths.NodeModules;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.NodeProject,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.NodeProject, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} ran longer than {Timeout}.");
        }

        var output = await stdout;
        var errors = await stderr;
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"node {script} exited {process.ExitCode}: {errors}");
    }
}
