using System.CommandLine;
using Identity.Shared.Dids;
using Identity.Shared.Verification;

namespace Identity.Cli;

/// <summary>
/// What <c>vc verify</c> and <c>vp verify</c> share: <c>--trusted-issuer DID</c> (repeatable), <c>--at UNIX_SECONDS</c>
/// and the network options; and the verdict's exit code.
/// </summary>
internal sealed class VerifyOptions
{
    private VerifyOptions(NetworkOptions network) => Network = network;

    public Option<string[]> TrustedIssuers { get; } = new("--trusted-issuer")
    {
        Description = "Accept credentials of this issuer DID only (repeat for several); default: any issuer whose signature holds.",
        HelpName = "DID",
    };

    public Option<long?> At { get; } = new("--at") { Description = "Verify as of this instant (Unix seconds) instead of now.", HelpName = "UNIX_SECONDS" };

    public NetworkOptions Network { get; }

    public static VerifyOptions AddTo(Command command)
    {
        var options = new VerifyOptions(NetworkOptions.AddTo(command));
        command.Options.Add(options.TrustedIssuers);
        command.Options.Add(options.At);
        return options;
    }

    public VerificationOptions Read(ParseResult parseResult)
    {
        var trusted = parseResult.GetValue(TrustedIssuers) ?? [];
        foreach (var did in trusted)
        {
            if (!Did.TryParse(did, out _))
            {
                throw CliException.BadInput($"--trusted-issuer '{did}' is not a DID");
            }
        }

        DateTimeOffset? at = null;
        if (parseResult.GetValue(At) is { } seconds)
        {
            if (seconds < 0 || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            {
                throw CliException.BadInput("--at must be a non-negative number of Unix seconds");
            }

            at = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return new VerificationOptions
        {
            Trust = trusted.Length == 0 ? TrustPolicy.Unrestricted : new TrustPolicy { TrustedIssuers = trusted },
            At = at,
        };
    }

    /// <summary>
    /// 0 verified; 3 when the answer is unknown because something outside the token failed (a node or a status list
    /// could not be reached); otherwise 1. The JSON says which in every case.
    /// </summary>
    public static int ExitCodeOf(VerificationResult result)
    {
        if (result.Verified)
        {
            return ExitCodes.Success;
        }

        var code = result.Errors[0].Code;
        return code == VerificationErrorCode.ResolutionFailed || code == VerificationErrorCode.StatusUnavailable
            ? ExitCodes.EnvironmentFailure
            : ExitCodes.NotVerified;
    }
}
