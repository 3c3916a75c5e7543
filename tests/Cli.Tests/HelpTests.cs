namespace Identity.Cli.Tests;

public sealed class HelpTests
{
    /// <summary>Every command path of the tool, found by walking the "Commands:" section of each help page.</summary>
    public static async Task<List<string[]>> AllCommandPathsAsync()
    {
        var paths = new List<string[]>();
        var pending = new Queue<string[]>([[]]);
        while (pending.TryDequeue(out var path))
        {
            paths.Add(path);
            var help = await CliRun.RunAsync([.. path, "--help"]);
            foreach (var child in Subcommands(help.Stdout))
            {
                pending.Enqueue([.. path, child]);
            }
        }

        return paths;
    }

    [Fact]
    public async Task Help_EveryCommand_PrintsUsageAndExitsZero()
    {
        var paths = await AllCommandPathsAsync();

        // The tree as DESIGN.md and the did:ethr issue describe it; a new command shows up here and gets checked too.
        Assert.Contains(paths, p => p.SequenceEqual(["did", "update", "revoke-attribute"]));
        Assert.True(paths.Count >= 10, string.Join(", ", paths.Select(p => string.Join(' ', p))));
        foreach (var path in paths)
        {
            foreach (var flag in new[] { "--help", "-h" })
            {
                var run = await CliRun.RunAsync([.. path, flag]);

                Assert.True(run.ExitCode == 0, $"identity {string.Join(' ', path)} {flag}: exit {run.ExitCode}: {run.Stderr}");
                Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
                // In-process the root is named after the test host; the usage line still spells the command path.
                var usage = run.Stdout.Split('\n').SkipWhile(line => !line.StartsWith("Usage:", StringComparison.Ordinal)).ElementAt(1);
                Assert.Contains((" " + string.Join(' ', path) + " ").Replace("  ", " ", StringComparison.Ordinal), usage + " ", StringComparison.Ordinal);
                Assert.Empty(run.Stderr);
            }
        }
    }

    [Fact]
    public async Task Help_UpdateSubcommands_ListTheCommonOptions()
    {
        foreach (var sub in new[] { "owner", "delegate", "revoke-delegate", "attribute", "revoke-attribute" })
        {
            var run = (await CliRun.RunAsync("did", "update", sub, "--help")).AssertExit(0);

            foreach (var option in new[] { "--key", "--did", "--relay-key", "--rpc-url", "--chain-id", "--registry", "--networks" })
            {
                Assert.Contains(option, run.Stdout, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData]
    [InlineData("did")]
    [InlineData("did", "update")]
    [InlineData("nope")]
    [InlineData("did", "update", "owner", "--unknown")]
    public async Task Run_IncompleteOrUnknownCommand_ExitsTwoPointingToHelp(params string[] args)
    {
        var run = (await CliRun.RunAsync(args)).AssertExit(2);

        Assert.Contains("--help", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    private static IEnumerable<string> Subcommands(string help)
    {
        var inCommands = false;
        foreach (var line in help.Split('\n'))
        {
            if (line.StartsWith("Commands:", StringComparison.Ordinal))
            {
                inCommands = true;
                continue;
            }

            if (inCommands)
            {
                if (!line.StartsWith("  ", StringComparison.Ordinal))
                {
                    yield break;
                }

                yield return line.Trim().Split(' ')[0];
            }
        }
    }
}
