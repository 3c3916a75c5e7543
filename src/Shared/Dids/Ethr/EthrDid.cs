using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Shared.Dids.Ethr;

/// <summary>
/// The method-specific part of a did:ethr: an optional network key and either an address or a compressed public key.
/// Parsed as ethr-did-resolver does: <c>^(.*)?(0x[0-9a-fA-F]{40}|0x[0-9a-fA-F]{66})$</c>, the prefix minus its final
/// character being the network key (so <c>rsk:testnet</c> works and <c>0x01</c> is not <c>0x1</c>).
/// </summary>
public sealed partial class EthrDid
{
    private EthrDid(string network, EthereumAddress address, string? publicKeyHex)
    {
        Network = network;
        Address = address;
        PublicKeyHex = publicKeyHex;
    }

    /// <summary>The network key: a configured name (<c>mainnet</c> when absent) or <c>0x</c> + hex chain id.</summary>
    public string Network { get; }

    /// <summary>The identity's address: the one in the DID, or the address of its public key.</summary>
    public EthereumAddress Address { get; }

    /// <summary>The public key as written in the DID (with <c>0x</c>), for the public-key form; otherwise null.</summary>
    public string? PublicKeyHex { get; }

    /// <summary>Parses the method-specific id of a did:ethr (the text after <c>did:ethr:</c>, without path, query or fragment).</summary>
    public static bool TryParse(string methodSpecificId, [NotNullWhen(true)] out EthrDid? did)
    {
        did = null;
        ArgumentNullException.ThrowIfNull(methodSpecificId);
        var match = Identifier().Match(methodSpecificId);
        if (!match.Success)
        {
            return false;
        }

        var prefix = match.Groups[1].Value;
        var network = prefix.Length == 0 ? "mainnet" : prefix[..^1];
        var identifier = match.Groups[2].Value;
        if (identifier.Length == 42)
        {
            if (!Hex.TryDecode(identifier, out var addressBytes))
            {
                return false;
            }

            did = new EthrDid(network, EthereumAddress.FromBytes(addressBytes), null);
            return true;
        }

        // The public-key form must be a point on the curve; its address controls the identity.
        if (!Hex.TryDecode(identifier, out var keyBytes) || !PublicKey.TryImport(KeyType.Secp256k1, keyBytes, out var key))
        {
            return false;
        }

        did = new EthrDid(network, key.ToEthereumAddress(), identifier);
        return true;
    }

    /// <summary>Formats the DID of an address on a network (mainnet omits the network segment).</summary>
    public static string Format(EthereumAddress address, string? network = null) =>
        network is null or "mainnet" ? $"did:ethr:{address}" : $"did:ethr:{network}:{address}";

    [GeneratedRegex("^(.*)?(0x[0-9a-fA-F]{40}|0x[0-9a-fA-F]{66})\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
