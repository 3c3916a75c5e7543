using System.CommandLine;
using System.Text.Json.Nodes;
using Identity.Shared.Crypto;
using Identity.Shared.Dids.Ethr;
using Identity.Shared.Ethereum;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.Cli.Commands;

/// <summary>
/// Runs one <c>did update</c>: reads the keys, picks the identity and its registry, sends the operation (directly,
/// or as a meta-transaction through the relay) and reports the receipt or the refusal.
/// </summary>
internal static class RegistryWriter
{
    public static async Task<int> RunAsync(
        CliConsole console,
        DidUpdateOptions options,
        ParseResult parseResult,
        string operationName,
        Func<EthereumAddress, RegistryOperation> createOperation,
        CancellationToken cancellationToken)
    {
        var ethr = options.Network.Read(parseResult)
            ?? throw CliException.BadInput("did update writes to a chain: give --rpc-url URL --chain-id N [--registry 0x…] or --networks FILE.json.");
        using var owner = ReadSecp256k1Key(parseResult.GetValue(options.Key)!, "--key");
        var relayFile = parseResult.GetValue(options.RelayKey);
        using var relay = relayFile is null ? null : ReadSecp256k1Key(relayFile, "--relay-key");
        var ownerAddress = owner.PublicKey.ToEthereumAddress();
        var target = DidUpdateTarget.Select(ethr, parseResult.GetValue(options.Did), ownerAddress, console.Error);
        var operation = createOperation(target.Identity);

        await using var services = DidServices.Build(ethr);
        var registry = services.GetRequiredService<EthrDidResolver>().GetRegistry(target.NetworkKey)
            ?? throw new InvalidOperationException($"network {target.NetworkKey} was selected but has no registry");
        var report = new Report(target.Did, operationName, relay is not null, relay?.PublicKey.ToEthereumAddress() ?? ownerAddress);
        try
        {
            var receipt = relay is null
                ? await registry.SendAsync(operation, owner, cancellationToken)
                : await registry.SendSignedAsync(await registry.SignAsync(operation, owner, cancellationToken), relay, cancellationToken);
            await console.WriteJsonAsync(report.Success(receipt));
            return ExitCodes.Success;
        }
        catch (EthereumTransactionException e) when (e.Kind == EthereumTransactionErrorKind.SignatureNotFromOwner)
        {
            throw CliException.BadInput($"--key ({ownerAddress}) is not the owner of {target.Did}: {e.Message}");
        }
        catch (EthereumTransactionException e) when (e.Kind is EthereumTransactionErrorKind.Reverted or EthereumTransactionErrorKind.StaleNonce)
        {
            var message = e.Message;
            if (e.RevertReason == "bad_actor")
            {
                message = message.TrimEnd('.') + ": " + await DescribeOwnerAsync(registry, target, ownerAddress, cancellationToken);
            }

            var code = e.Kind == EthereumTransactionErrorKind.StaleNonce ? "stale_nonce" : "reverted";
            return await RefuseAsync(console, report, code, message, e.RevertReason, e.TransactionHash);
        }
        catch (EthereumTransactionException e)
        {
            // ReceiptTimeout: the transaction was sent and may still be mined; the node is too slow, not the input wrong.
            throw CliException.Environment(e.Message);
        }
        catch (EthereumRpcException e) when (e.Kind == EthereumRpcErrorKind.RpcError && e.RpcMessage?.Contains("insufficient funds", StringComparison.OrdinalIgnoreCase) == true)
        {
            var hint = relay is null ? " (an owner without ether can have another account pay: --relay-key RELAY.jwk)" : string.Empty;
            return await RefuseAsync(console, report, "insufficient_funds", $"{report.From} cannot pay for the gas{hint}: {e.Message}", null, null);
        }
        catch (EthereumRpcException e)
        {
            throw CliException.Environment(e.Message);
        }
    }

    private static PrivateKey ReadSecp256k1Key(FileInfo file, string option)
    {
        var key = KeyFile.Read(file.FullName);
        if (key.Type == KeyType.Secp256k1)
        {
            return key;
        }

        key.Dispose();
        throw CliException.BadInput($"{option} {file.FullName}: a {key.Type} key has no Ethereum account; did:ethr needs secp256k1.");
    }

    private static async Task<string> DescribeOwnerAsync(EthereumDidRegistry registry, DidUpdateTarget target, EthereumAddress keyAddress, CancellationToken cancellationToken)
    {
        try
        {
            var current = await registry.GetOwnerAsync(target.Identity, null, cancellationToken);
            return $"--key ({keyAddress}) is not the owner of {target.Did}; its owner is {current}.";
        }
        catch (EthereumRpcException)
        {
            // Only a hint: the refusal itself is already known.
            return $"--key ({keyAddress}) is not the owner of {target.Did}.";
        }
    }

    /// <summary>The chain refused the change: exit 1, the JSON says why and stderr repeats it for people.</summary>
    private static async Task<int> RefuseAsync(CliConsole console, Report report, string code, string message, string? revertReason, string? transactionHash)
    {
        await console.WriteJsonAsync(report.Failure(code, message, revertReason, transactionHash));
        await console.Error.WriteLineAsync($"identity: {report.Operation} refused ({code}): {message}");
        return ExitCodes.NotVerified;
    }

    private sealed record Report(string Did, string Operation, bool Relayed, EthereumAddress From)
    {
        public JsonObject Success(TransactionReceipt receipt) => new()
        {
            ["did"] = Did,
            ["operation"] = Operation,
            ["transactionHash"] = receipt.TransactionHash,
            ["blockNumber"] = receipt.BlockNumber,
            ["relayed"] = Relayed,
            ["from"] = receipt.From.ToString(),
        };

        public JsonObject Failure(string code, string message, string? revertReason, string? transactionHash)
        {
            var error = new JsonObject { ["code"] = code, ["message"] = message };
            if (revertReason is not null)
            {
                error["revertReason"] = revertReason;
            }

            return new JsonObject
            {
                ["did"] = Did,
                ["operation"] = Operation,
                ["transactionHash"] = transactionHash,
                ["blockNumber"] = null,
                ["relayed"] = Relayed,
                ["from"] = From.ToString(),
                ["error"] = error,
            };
        }
    }
}
