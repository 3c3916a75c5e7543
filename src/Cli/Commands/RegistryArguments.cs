using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Dids.Ethr;
using Identity.Shared.Encoding;
using Identity.Shared.Ethereum;

namespace Identity.Cli.Commands;

/// <summary>
/// Parsers of the <c>did update</c> values. They run at parse time, so a bad address or name is a usage error
/// (exit 2) reported before any key file is read or any node is called.
/// </summary>
internal static partial class RegistryArguments
{
    /// <summary>Attribute values are calldata; anything this large is a mistake, not a key or an endpoint.</summary>
    public const int MaxValueBytes = 4096;

    public static EthereumAddress ParseAddress(ArgumentResult result, string option)
    {
        var text = SingleToken(result);
        if (EthereumAddress.TryParse(text, out var address))
        {
            return address;
        }

        result.AddError($"{option} '{text}' is not an Ethereum address (0x + 40 hex digits, mixed case only with a valid EIP-55 checksum).");
        return default;
    }

    /// <summary>An address or a did:ethr (its address); never the zero address.</summary>
    public static EthereumAddress ParseNewOwner(ArgumentResult result, string option)
    {
        var text = SingleToken(result);
        EthereumAddress address;
        if (!EthereumAddress.TryParse(text, out address))
        {
            if (!Did.TryParse(text, out var did) || did.Method != "ethr" || !EthrDid.TryParse(did.MethodSpecificId, out var ethrDid))
            {
                result.AddError($"{option} '{text}' is neither an Ethereum address (0x + 40 hex digits, mixed case only with a valid EIP-55 checksum) nor a did:ethr.");
                return default;
            }

            address = ethrDid.Address;
        }

        if (address.IsZero)
        {
            // changeOwner to the zero address deactivates the DID for good; too final for a typo-prone option.
            result.AddError($"{option} must not be the zero address: that deactivates the DID permanently, which this command does not do.");
        }

        return address;
    }

    public static byte[] ParseHexValue(ArgumentResult result, string option)
    {
        var text = SingleToken(result);
        if (!text.StartsWith("0x", StringComparison.Ordinal) || text.Length == 2 || !Hex.TryDecode(text, out var bytes))
        {
            // The prefix is required so that hex is never mistaken for text (use --value-text for text).
            result.AddError($"{option} must be 0x followed by an even number of hex digits (use --value-text for text).");
            return [];
        }

        if (bytes.Length > MaxValueBytes)
        {
            result.AddError($"{option} is {bytes.Length} bytes; at most {MaxValueBytes} are accepted.");
        }

        return bytes;
    }

    public static string ParseTextValue(ArgumentResult result, string option)
    {
        var text = SingleToken(result);
        if (text.Length == 0)
        {
            result.AddError($"{option} must not be empty.");
        }
        else if (System.Text.Encoding.UTF8.GetByteCount(text) > MaxValueBytes)
        {
            result.AddError($"{option} is longer than {MaxValueBytes} UTF-8 bytes.");
        }

        return text;
    }

    /// <summary>
    /// An attribute name the did:ethr resolver turns into a document entry (<c>did/pub/&lt;type&gt;[/&lt;purpose&gt;[/&lt;encoding&gt;]]</c>
    /// or <c>did/svc/&lt;type&gt;</c>) that fits the registry's bytes32. Other names are legal on chain but never
    /// show in a document, so a typo would be paid for and silently ignored.
    /// </summary>
    public static string ParseAttributeName(ArgumentResult result, string option)
    {
        var text = SingleToken(result);
        if (!AttributeName().IsMatch(text))
        {
            result.AddError($"{option} '{text}' is not an attribute the DID document shows: use did/pub/<type>/<purpose>/<encoding> (e.g. did/pub/Ed25519/veriKey/base64) or did/svc/<type> (e.g. did/svc/MessagingService).");
        }
        else if (!Bytes32String.TryEncode(text, out _))
        {
            result.AddError($"{option} '{text}' is longer than the registry's 32 bytes.");
        }

        return text;
    }

    public static ulong ParseValidity(ArgumentResult result, string option)
    {
        var text = SingleToken(result);
        if (!ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds == 0)
        {
            result.AddError($"{option} must be a positive number of seconds.");
        }

        return seconds;
    }

    private static string SingleToken(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;

    // The same grammar as the resolver's (EthrDocumentBuilder), so that what is written is what a resolution shows.
    [GeneratedRegex(@"^did/(pub|svc)/([A-Za-z0-9_]+)(/([A-Za-z0-9_]+))?(/([A-Za-z0-9_]+))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeName();
}
