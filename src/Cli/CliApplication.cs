using System.CommandLine;
using Identity.Cli.Commands;

namespace Identity.Cli;

/// <summary>
/// The command tree of the <c>identity</c> tool. Every command writes one JSON document (or a single token or
/// DID) to stdout and diagnostics to stderr, and ends with an exit code of <see cref="ExitCodes"/>.
/// </summary>
internal static class CliApplication
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr, CancellationToken.None).GetAwaiter().GetResult();

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            return await RunCoreAsync(args, stdout, stderr, cancellationToken);
        }
        catch (CliException e)
        {
            await stderr.WriteLineAsync($"identity: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug, not an expected failure: one line naming it rather than a stack trace, and an exit code that no
            // script reads as success or as "not verified".
            await stderr.WriteLineAsync($"identity: unexpected {e.GetType().Name}: {e.Message} (this is a bug; please report it)");
            return ExitCodes.EnvironmentFailure;
        }
    }

    private static async Task<int> RunCoreAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var console = new CliConsole(stdout, stderr);
        var root = new RootCommand("identity: DIDs, verifiable credentials and presentations for patient-held health credentials.")
        {
            new Command("did", "Create, resolve and update decentralized identifiers.")
            {
                DidCreateCommand.Create(console),
                DidResolveCommand.Create(console),
                DidUpdateCommand.Create(console),
            },
            new Command("vc", "Issue and verify verifiable credentials.") { VcIssueCommand.Create(console), VcVerifyCommand.Create(console) },
            new Command("vp", "Create and verify verifiable presentations.") { VpCreateCommand.Create(console), VpVerifyCommand.Create(console) },
        };

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await stderr.WriteLineAsync($"identity: {error.Message}");
            }

            await stderr.WriteLineAsync("Run 'identity --help' for usage.");
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }
}
