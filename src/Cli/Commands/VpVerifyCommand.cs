using System.CommandLine;
using System.Text.Json.Nodes;

namespace Identity.Cli.Commands;

/// <summary>
/// <c>identity vp verify FILE|- --audience AUD --nonce NONCE [--trusted-issuer DID]... [--at UNIX_SECONDS]
/// [network options]</c>: verifies the presentation and every credential in it; exit codes as <c>vc verify</c>.
/// </summary>
internal static class VpVerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "A file holding the presentation token, or - for standard input." };
        var audience = new Option<string>("--audience") { Description = "This verifier's identifier; the presentation's aud must name it.", HelpName = "AUD", Required = true };
        var nonce = new Option<string>("--nonce") { Description = "The challenge this verifier gave the holder.", HelpName = "NONCE", Required = true };
        var command = new Command("verify", "Verify a presentation token; prints { verified, errors, issuer, holder, subject, types, claims }.") { file, audience, nonce };
        var verify = VerifyOptions.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = verify.Read(parseResult);
            var ethr = verify.Network.Read(parseResult);
            var token = await TokenFile.ReadAsync(parseResult.GetValue(file)!, "presentation", cancellationToken);
            await using var services = new VerificationServices(ethr);
            var result = await services.Presentations.VerifyAsync(token, parseResult.GetValue(audience)!, parseResult.GetValue(nonce)!, options, cancellationToken);
            await console.WriteJsonAsync(JsonNode.Parse(result.ToJson())!);
            return await VcVerifyCommand.VerdictAsync(console, result, ethr is null);
        });
        return command;
    }
}
