using System.CommandLine;
using System.Text.Json.Nodes;
using Identity.Shared.Dids;
using Identity.Shared.Dids.Ethr;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.Cli.Commands;

/// <summary><c>identity did resolve DID [network options]</c>: prints the DID resolution result.</summary>
internal static class DidResolveCommand
{
    public static Command Create(CliConsole console)
    {
        var did = new Argument<string>("DID") { Description = "The DID or DID URL to resolve (did:ethr, did:key, did:jwk, did:web)." };
        var accept = new Option<string>("--accept") { Description = "application/did+ld+json (default) or application/did+json." };
        var command = new Command("resolve", "Resolve a DID; prints { didResolutionMetadata, didDocument, didDocumentMetadata }.") { did, accept };
        var network = NetworkOptions.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = DidServices.Build(network.Read(parseResult));
            var resolver = services.GetRequiredService<IDidResolver>();
            var result = await resolver.ResolveAsync(parseResult.GetValue(did)!, new DidResolutionOptions { Accept = parseResult.GetValue(accept) }, cancellationToken);
            await console.WriteJsonAsync(JsonNode.Parse(result.ToJson())!);
            var error = result.DidResolutionMetadata.Error;
            if (error is not null)
            {
                await console.Error.WriteLineAsync($"identity: {error}: {result.DidResolutionMetadata.Message}");
            }

            return error switch
            {
                null => ExitCodes.Success,
                DidResolutionErrors.NotFound => ExitCodes.NotVerified,
                DidResolutionErrors.InternalError => ExitCodes.EnvironmentFailure,
                _ => ExitCodes.BadInput,
            };
        });
        return command;
    }
}
