using System.CommandLine;
using System.Text.Json.Nodes;

namespace Identity.Cli.Commands;

/// <summary>
/// <c>identity vc verify FILE|- [--trusted-issuer DID]... [--at UNIX_SECONDS] [network options]</c>: prints the
/// verification result; exit 0 verified, 1 not verified, 3 when a node or status list could not be reached.
/// A file that is not a token at all (not a JWS) is a verification failure with the code <c>malformed</c> (exit 1);
/// a file that cannot be read, is missing or empty is bad input (exit 2).
/// </summary>
internal static class VcVerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "A file holding the credential token, or - for standard input." };
        var command = new Command("verify", "Verify a credential token; prints { verified, errors, issuer, subject, types, claims }.") { file };
        var verify = VerifyOptions.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = verify.Read(parseResult);
            var ethr = verify.Network.Read(parseResult);
            var token = await TokenFile.ReadAsync(parseResult.GetValue(file)!, "credential", cancellationToken);
            await using var services = new VerificationServices(ethr);
            var result = await services.Credentials.VerifyAsync(token, options, cancellationToken);
            await console.WriteJsonAsync(JsonNode.Parse(result.ToJson())!);
            return await VerdictAsync(console, result, ethr is null);
        });
        return command;
    }

    /// <summary>The exit code of a printed result, with a one-line reason on stderr when it is not verified.</summary>
    internal static async Task<int> VerdictAsync(CliConsole console, Identity.Shared.Verification.VerificationResult result, bool noNetworks)
    {
        var exitCode = VerifyOptions.ExitCodeOf(result);
        if (!result.Verified)
        {
            var error = result.Errors[0];
            var hint = exitCode == ExitCodes.EnvironmentFailure && noNetworks ? " (did:ethr needs --rpc-url and --chain-id, or --networks)" : string.Empty;
            await console.Error.WriteLineAsync($"identity: not verified: {error.Code.Value}: {error.Message}{hint}");
        }

        return exitCode;
    }
}
