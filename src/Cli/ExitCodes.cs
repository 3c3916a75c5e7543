namespace Identity.Cli;

/// <summary>The exit codes of DESIGN.md: scripts branch on them.</summary>
internal static class ExitCodes
{
    /// <summary>Success, or verified.</summary>
    public const int Success = 0;

    /// <summary>Verification failed; the JSON on stdout says why.</summary>
    public const int NotVerified = 1;

    /// <summary>Bad usage or a bad input file.</summary>
    public const int BadInput = 2;

    /// <summary>The environment failed: chain unreachable, file system, and so on.</summary>
    public const int EnvironmentFailure = 3;
}
