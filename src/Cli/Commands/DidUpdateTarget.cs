using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Dids.Ethr;

namespace Identity.Cli.Commands;

/// <summary>The identity a <c>did update</c> changes: its DID as printed, its address and the network key of its registry.</summary>
internal sealed record DidUpdateTarget(string Did, EthereumAddress Identity, string NetworkKey)
{
    /// <summary>
    /// Picks the identity and its network. A DID's network segment chooses among the configured networks. A DID
    /// without one names mainnet; when mainnet is not configured but exactly one network is (the
    /// <c>--rpc-url/--chain-id</c> case), that network is meant: the identity's address is the same on every chain,
    /// and the DID printed is the one of that network.
    /// </summary>
    public static DidUpdateTarget Select(EthrDidOptions ethr, string? didText, EthereumAddress keyAddress, TextWriter notes)
    {
        if (didText is null)
        {
            if (ethr.Networks.Count != 1)
            {
                throw CliException.BadInput($"several networks are configured ({ConfiguredKeys(ethr)}); choose one with --did did:ethr:<network>:0x…");
            }

            var key = ethr.Networks[0].Keys().First();
            return new DidUpdateTarget(Format(keyAddress.ToString(), key), keyAddress, key);
        }

        if (!Shared.Dids.Did.TryParse(didText, out var did))
        {
            throw CliException.BadInput($"--did '{didText}' is not a DID.");
        }

        if (did.Method != "ethr")
        {
            throw CliException.BadInput($"--did '{didText}': only did:ethr identities live in the ERC-1056 registry.");
        }

        if (!EthrDid.TryParse(did.MethodSpecificId, out var ethrDid))
        {
            throw CliException.BadInput($"--did '{didText}' is not a valid did:ethr (did:ethr:[network:]0x + 40 hex digits, or a compressed secp256k1 public key).");
        }

        if (ethr.Networks.Any(network => network.Keys().Contains(ethrDid.Network, StringComparer.Ordinal)))
        {
            return new DidUpdateTarget(did.Value, ethrDid.Address, ethrDid.Network);
        }

        var hasNetworkSegment = did.MethodSpecificId.Contains(':', StringComparison.Ordinal);
        if (!hasNetworkSegment && ethr.Networks.Count == 1)
        {
            var key = ethr.Networks[0].Keys().First();
            var onNetwork = Format(ethrDid.PublicKeyHex ?? ethrDid.Address.ToString(), key);
            notes.WriteLine($"identity: note: {did.Value} names mainnet, which is not configured; updating it on network {key} as {onNetwork}.");
            return new DidUpdateTarget(onNetwork, ethrDid.Address, key);
        }

        throw CliException.BadInput($"--did '{didText}': network '{ethrDid.Network}' is not configured (configured: {ConfiguredKeys(ethr)}).");
    }

    private static string Format(string identifier, string networkKey) =>
        networkKey == "mainnet" ? $"did:ethr:{identifier}" : $"did:ethr:{networkKey}:{identifier}";

    private static string ConfiguredKeys(EthrDidOptions ethr) => string.Join(", ", ethr.Networks.SelectMany(network => network.Keys()));
}
