using System.CommandLine;
using System.Globalization;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Dids.Ethr;

namespace Identity.Cli.Commands;

/// <summary><c>identity did create --out KEY.jwk [--method ethr|key] [--key-type secp256k1|ed25519] [--chain-id N]</c>.</summary>
internal static class DidCreateCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<FileInfo>("--out") { Description = "Where to write the new private key (a JWK); the file must not exist.", Required = true };
        var method = new Option<string>("--method") { Description = "The DID method.", DefaultValueFactory = _ => "ethr" };
        method.AcceptOnlyFromAmong("ethr", "key");
        var keyType = new Option<string>("--key-type") { Description = "The key type (did:ethr needs secp256k1).", DefaultValueFactory = _ => "secp256k1" };
        keyType.AcceptOnlyFromAmong("secp256k1", "ed25519");
        var chainId = new Option<ulong?>("--chain-id") { Description = "did:ethr only: the chain id; omitted or 1 means mainnet." };

        var command = new Command("create", "Create a key and its DID; prints the DID.") { output, method, keyType, chainId };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var didMethod = parseResult.GetValue(method)!;
            var type = parseResult.GetValue(keyType) == "ed25519" ? KeyType.Ed25519 : KeyType.Secp256k1;
            var chain = parseResult.GetValue(chainId);
            if (didMethod == "ethr" && type != KeyType.Secp256k1)
            {
                throw CliException.BadInput("did:ethr keys are secp256k1; use --key-type secp256k1 or --method key");
            }

            if (didMethod != "ethr" && chain is not null)
            {
                throw CliException.BadInput("--chain-id applies to did:ethr only");
            }

            if (chain == 0)
            {
                throw CliException.BadInput("--chain-id must be a positive integer");
            }

            using var key = PrivateKey.Generate(type);
            var did = didMethod == "ethr" ? EthrDidFor(key.PublicKey, chain) : DidKeyResolver.CreateDid(key.PublicKey);
            KeyFile.Write(parseResult.GetValue(output)!.FullName, key, kid: null);
            await console.WriteTokenAsync(did);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string EthrDidFor(PublicKey key, ulong? chainId)
    {
        var network = chainId is null or 1 ? null : "0x" + chainId.Value.ToString("x", CultureInfo.InvariantCulture);
        return EthrDid.Format(key.ToEthereumAddress(), network);
    }
}
