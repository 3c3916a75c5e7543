using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Dids.Ethr;
using ParsedDid = Identity.Shared.Dids.Did;

namespace Identity.Cli;

/// <summary>
/// Who signs with a key file: the DID (given, or derived from the key), the JOSE algorithm of the key, and the
/// header <c>kid</c> when it can be named without resolving anything.
/// </summary>
internal sealed record SigningIdentity(string Did, SignatureAlgorithm Algorithm, string? KeyId)
{
    /// <summary>
    /// The identity of <paramref name="key"/> acting as <paramref name="did"/> (null: derived from the key — did:ethr of
    /// its address on mainnet for secp256k1, did:key otherwise).
    /// </summary>
    /// <exception cref="CliException">The DID is malformed, or is a did:key of another key.</exception>
    public static SigningIdentity For(PrivateKey key, string? did, string option)
    {
        var algorithm = key.Type switch
        {
            KeyType.Secp256k1 => SignatureAlgorithm.ES256K,
            KeyType.Ed25519 => SignatureAlgorithm.EdDSA,
            _ => SignatureAlgorithm.ES256,
        };

        if (did is null)
        {
            did = key.Type == KeyType.Secp256k1 ? EthrDid.Format(key.PublicKey.ToEthereumAddress()) : DidKeyResolver.CreateDid(key.PublicKey);
        }
        else if (!ParsedDid.TryParse(did, out _))
        {
            throw CliException.BadInput($"{option} '{did}' is not a DID");
        }

        return new SigningIdentity(did, algorithm, KeyIdFor(key, ParsedDid.Parse(did), option));
    }

    private static string? KeyIdFor(PrivateKey key, ParsedDid did, string option)
    {
        switch (did.Method)
        {
            case "ethr":
                // ethr-did-resolver lists the owner's address as #controller; any other key (a delegate) is left for the
                // verifier to find among the document's methods, so no kid is guessed for it.
                return key.Type == KeyType.Secp256k1 && EthrDid.TryParse(did.MethodSpecificId, out var ethr) && ethr.Address == key.PublicKey.ToEthereumAddress()
                    ? did.Value + "#controller"
                    : null;
            case "key":
                // A did:key has exactly one key: signing for it with another can only produce a token that fails.
                return DidKeyResolver.CreateDid(key.PublicKey) == did.Value
                    ? $"{did.Value}#{did.MethodSpecificId}"
                    : throw CliException.BadInput($"{option} {did.Value} is not the did:key of this key file");
            default:
                return null;
        }
    }
}
