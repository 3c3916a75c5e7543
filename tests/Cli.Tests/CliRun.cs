using System.Text.Json.Nodes;

namespace Identity.Cli.Tests;

/// <summary>One run of the tool: exit code and both streams.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Longest a command may take in a test; a command that hangs fails the test instead of the run.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <see cref="CliApplication.RunAsync"/> in-process with captured streams.</summary>
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, stdout, stderr, CancellationToken.None).WaitAsync(Timeout);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>stdout as the one JSON document it must be.</summary>
    public JsonObject Json => JsonNode.Parse(Stdout) as JsonObject ?? throw new InvalidOperationException("stdout is not a JSON object: " + Stdout);

    /// <summary>Fails with both streams shown unless the exit code is <paramref name="expected"/>.</summary>
    public CliRun AssertExit(int expected)
    {
        Assert.True(ExitCode == expected, $"exit {ExitCode}, expected {expected}\nstdout: {Stdout}\nstderr: {Stderr}");
        if (expected != 0)
        {
            // Failures are reported in one line per problem, never as a stack trace.
            Assert.DoesNotContain("   at ", Stderr, StringComparison.Ordinal);
            Assert.StartsWith("identity: ", Stderr, StringComparison.Ordinal);
        }

        return this;
    }
}
