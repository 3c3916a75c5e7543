using System.CommandLine;

namespace Identity.Cli.Commands;

/// <summary>
/// The options every <c>did update</c> subcommand takes: the owner's key, the DID (default: the key's own), an
/// optional relay key for the meta-transaction path, and the network options.
/// </summary>
internal sealed class DidUpdateOptions
{
    private DidUpdateOptions(NetworkOptions network) => Network = network;

    public Option<FileInfo> Key { get; } = new("--key")
    {
        Description = "The DID owner's private key (a secp256k1 JWK). It signs the transaction, or the meta-transaction with --relay-key.",
        HelpName = "KEY.jwk",
        Required = true,
    };

    public Option<string> Did { get; } = new("--did")
    {
        Description = "The did:ethr to update (default: the did:ethr of --key's address on the network given).",
        HelpName = "DID",
    };

    public Option<FileInfo> RelayKey { get; } = new("--relay-key")
    {
        Description = "Send the change as the registry's signed meta-transaction, submitted and paid for by this key's account, so that the owner needs no ether.",
        HelpName = "RELAY.jwk",
    };

    public NetworkOptions Network { get; }

    public static DidUpdateOptions AddTo(Command command)
    {
        var options = new DidUpdateOptions(NetworkOptions.AddTo(command));
        command.Options.Add(options.Key);
        command.Options.Add(options.Did);
        command.Options.Add(options.RelayKey);
        return options;
    }
}
