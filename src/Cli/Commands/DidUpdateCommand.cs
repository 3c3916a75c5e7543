using System.CommandLine;
using Identity.Shared.Crypto;
using Identity.Shared.Ethereum;

namespace Identity.Cli.Commands;

/// <summary>
/// <c>identity did update owner|delegate|revoke-delegate|attribute|revoke-attribute --key KEY.jwk [--did DID]
/// [--relay-key RELAY.jwk] [network options] …</c>: one ERC-1056 registry write, awaited until mined. Prints
/// <c>{ did, operation, transactionHash, blockNumber, relayed, from }</c>; a refusal by the chain exits 1 with
/// the same document plus <c>error</c>.
/// </summary>
internal static class DidUpdateCommand
{
    private const ulong DefaultValiditySeconds = 86_400;

    public static Command Create(CliConsole console) =>
        new("update", "Change a did:ethr in the ERC-1056 registry (owner, delegates, attributes); waits for the transaction to be mined and prints its receipt.")
        {
            Owner(console),
            Delegate(console),
            RevokeDelegate(console),
            Attribute(console),
            RevokeAttribute(console),
        };

    private static Command Owner(CliConsole console)
    {
        var newOwner = new Option<EthereumAddress>("--new-owner")
        {
            Description = "The new owner: an address or a did:ethr. The current key loses control of the DID.",
            HelpName = "0xADDRESS|DID",
            Required = true,
            CustomParser = result => RegistryArguments.ParseNewOwner(result, "--new-owner"),
        };
        var command = new Command("owner", "Transfer control of the DID to a new owner (changeOwner).") { newOwner };
        var common = DidUpdateOptions.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var to = parseResult.GetValue(newOwner);
            return RegistryWriter.RunAsync(console, common, parseResult, "changeOwner", identity => new ChangeOwnerOperation(identity, to), cancellationToken);
        });
        return command;
    }

    private static Command Delegate(CliConsole console)
    {
        var delegateAddress = DelegateAddressOption();
        var delegateType = DelegateTypeOption();
        var validity = ValidityOption("How long the delegation lasts, in seconds from the including block.");
        var command = new Command("delegate", "Add a delegate: veriKey signs for the DID (assertionMethod), sigAuth also authenticates (addDelegate).")
        {
            delegateAddress, delegateType, validity,
        };
        var common = DidUpdateOptions.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var address = parseResult.GetValue(delegateAddress);
            var type = parseResult.GetValue(delegateType)!;
            var seconds = parseResult.GetValue(validity);
            return RegistryWriter.RunAsync(console, common, parseResult, "addDelegate", identity => new AddDelegateOperation(identity, type, address, seconds), cancellationToken);
        });
        return command;
    }

    private static Command RevokeDelegate(CliConsole console)
    {
        var delegateAddress = DelegateAddressOption();
        var delegateType = DelegateTypeOption();
        var command = new Command("revoke-delegate", "Revoke a delegate of the given type from the including block on (revokeDelegate).") { delegateAddress, delegateType };
        var common = DidUpdateOptions.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var address = parseResult.GetValue(delegateAddress);
            var type = parseResult.GetValue(delegateType)!;
            return RegistryWriter.RunAsync(console, common, parseResult, "revokeDelegate", identity => new RevokeDelegateOperation(identity, type, address), cancellationToken);
        });
        return command;
    }

    private static Command Attribute(CliConsole console)
    {
        var name = AttributeNameOption();
        var (value, valueText) = ValueOptions();
        var validity = ValidityOption("How long the attribute lasts, in seconds from the including block.");
        var command = new Command("attribute", "Set an attribute: a public key (did/pub/…) or a service endpoint (did/svc/…) (setAttribute).") { name, value, valueText, validity };
        RequireExactlyOne(command, value, valueText);
        var common = DidUpdateOptions.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var attributeName = parseResult.GetValue(name)!;
            var bytes = ValueBytes(parseResult, value, valueText);
            var seconds = parseResult.GetValue(validity);
            return RegistryWriter.RunAsync(console, common, parseResult, "setAttribute", identity => new SetAttributeOperation(identity, attributeName, bytes, seconds), cancellationToken);
        });
        return command;
    }

    private static Command RevokeAttribute(CliConsole console)
    {
        var name = AttributeNameOption();
        var (value, valueText) = ValueOptions();
        var command = new Command("revoke-attribute", "Revoke an attribute; the name and value must be the ones that were set (revokeAttribute).") { name, value, valueText };
        RequireExactlyOne(command, value, valueText);
        var common = DidUpdateOptions.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var attributeName = parseResult.GetValue(name)!;
            var bytes = ValueBytes(parseResult, value, valueText);
            return RegistryWriter.RunAsync(console, common, parseResult, "revokeAttribute", identity => new RevokeAttributeOperation(identity, attributeName, bytes), cancellationToken);
        });
        return command;
    }

    private static Option<EthereumAddress> DelegateAddressOption() => new("--delegate")
    {
        Description = "The delegate's Ethereum address.",
        HelpName = "0xADDRESS",
        Required = true,
        CustomParser = result => RegistryArguments.ParseAddress(result, "--delegate"),
    };

    private static Option<string> DelegateTypeOption()
    {
        var option = new Option<string>("--delegate-type")
        {
            Description = "veriKey: may sign credentials; sigAuth: may also authenticate as the DID.",
            DefaultValueFactory = _ => "veriKey",
        };
        option.AcceptOnlyFromAmong("veriKey", "sigAuth");
        return option;
    }

    private static Option<ulong> ValidityOption(string description) => new("--validity")
    {
        Description = description,
        HelpName = "SECONDS",
        DefaultValueFactory = _ => DefaultValiditySeconds,
        CustomParser = result => RegistryArguments.ParseValidity(result, "--validity"),
    };

    private static Option<string> AttributeNameOption() => new("--name")
    {
        Description = "The attribute name: did/pub/<type>/<purpose>/<encoding> (e.g. did/pub/Ed25519/veriKey/base64, did/pub/X25519/enc/base64) or did/svc/<type> (e.g. did/svc/MessagingService).",
        HelpName = "NAME",
        Required = true,
        CustomParser = result => RegistryArguments.ParseAttributeName(result, "--name"),
    };

    private static (Option<byte[]> Value, Option<string> ValueText) ValueOptions() =>
    (
        new Option<byte[]>("--value")
        {
            Description = "The value as 0x-prefixed hex bytes (a public key).",
            HelpName = "0xHEX",
            CustomParser = result => RegistryArguments.ParseHexValue(result, "--value"),
        },
        new Option<string>("--value-text")
        {
            Description = "The value as text, stored as UTF-8 (a service endpoint URL or JSON, a PEM key).",
            HelpName = "TEXT",
            CustomParser = result => RegistryArguments.ParseTextValue(result, "--value-text"),
        });

    private static void RequireExactlyOne(Command command, Option<byte[]> value, Option<string> valueText) =>
        command.Validators.Add(result =>
        {
            if ((result.GetResult(value) is null) == (result.GetResult(valueText) is null))
            {
                result.AddError("Give the value with exactly one of --value 0xHEX or --value-text TEXT.");
            }
        });

    // GetValue of an absent array option is an empty array, not null: ask whether --value was given.
    private static byte[] ValueBytes(ParseResult parseResult, Option<byte[]> value, Option<string> valueText) =>
        parseResult.GetResult(value) is not null
            ? parseResult.GetValue(value)!
            : System.Text.Encoding.UTF8.GetBytes(parseResult.GetValue(valueText)!);
}
