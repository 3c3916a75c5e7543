namespace Identity.Cli;

/// <summary>The command tree of the <c>identity</c> tool.</summary>
internal static class CliApplication
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        _ = args;
        _ = stdout;
        stderr.WriteLine("identity: no commands yet");
        return 2;
    }
}
