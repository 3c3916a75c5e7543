namespace Identity.Cli;

/// <summary>
/// An expected failure of a command (bad input file, unreachable node): carries the exit code and a message for
/// stderr. Anything else escaping a command is a bug.
/// </summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string message)
        : base(message) => ExitCode = exitCode;

    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int ExitCode { get; } = ExitCodes.BadInput;

    public static CliException BadInput(string message) => new(ExitCodes.BadInput, message);

    public static CliException Environment(string message) => new(ExitCodes.EnvironmentFailure, message);
}
