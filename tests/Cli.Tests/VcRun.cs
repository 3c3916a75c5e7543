using System.Text.Json.Nodes;

namespace Identity.Cli.Tests;

/// <summary>One run of the tool: exit code and both streams.</summary>
public sealed record VcRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>stdout as the one JSON object it must be.</summary>
    public JsonObject Json => JsonNode.Parse(Stdout) as JsonObject ?? throw new InvalidOperationException("stdout is not a JSON object: " + Stdout);

    /// <summary>The printed token: one line, no spaces.</summary>
    public string Token
    {
        get
        {
            var token = Stdout.TrimEnd('\n');
            Assert.DoesNotContain('\n', token);
            Assert.Equal(3, token.Split('.').Length);
            return token;
        }
    }

    /// <summary>Fails with both streams shown unless the exit code is <paramref name="expected"/>.</summary>
    public VcRun AssertExit(int expected)
    {
        Assert.True(ExitCode == expected, $"exit {ExitCode}, expected {expected}\nstdout: {Stdout}\nstderr: {Stderr}");
        if (expected != 0)
        {
            Assert.DoesNotContain("   at ", Stderr, StringComparison.Ordinal);
            Assert.StartsWith("identity: ", Stderr, StringComparison.Ordinal);
        }

        return this;
    }

    /// <summary>Asserts a printed verification result that failed with <paramref name="code"/>.</summary>
    public VcRun AssertNotVerified(string code, int exitCode = ExitCodes.NotVerified)
    {
        AssertExit(exitCode);
        var json = Json;
        Assert.False((bool)json["verified"]!);
        var error = Assert.Single(json["errors"]!.AsArray());
        Assert.Equal(code, (string?)error!["code"]);
        Assert.False(string.IsNullOrEmpty((string?)error["message"]));
        return this;
    }
}
