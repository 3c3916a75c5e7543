using System.Text.Json.Nodes;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Dids.Ethr;
using Identity.Shared.Ethereum;
using Identity.TestSupport;
using Identity.TestSupport.Chain;

namespace Identity.Chain.Tests.Verification;

/// <summary>
/// The did:ethr identities the interop tests sign with, set up on the anvil chain through the real registry (relayed
/// meta-transactions, so the identities need no ether), and the two resolvers that read them: ours and, in node,
/// ethr-did-resolver.
/// </summary>
internal sealed class EthrWorld : IDisposable
{
    public const string Network = "dev";

    private EthrWorld(AnvilFixture chain)
    {
        Chain = chain;
        var options = new EthrDidOptions();
        options.Networks.Add(new EthrNetwork { Name = Network, ChainId = chain.ChainId, RpcUrl = chain.RpcUrl, Registry = chain.RegistryAddress.ToString() });
        Resolver = new DidResolver([new EthrDidResolver(options, _ => new HttpClient())]);
    }

    public AnvilFixture Chain { get; }

    public IDidResolver Resolver { get; }

    /// <summary>Controller key of the issuer (ES256K / ES256K-R by #controller).</summary>
    public PrivateKey Issuer { get; } = PrivateKey.Generate(KeyType.Secp256k1);

    /// <summary>Owner of the Ed25519 issuer.</summary>
    public PrivateKey EdOwner { get; } = PrivateKey.Generate(KeyType.Secp256k1);

    /// <summary>Ed25519 key set as <c>did/pub/Ed25519/veriKey/base64</c> of EdOwner's DID.</summary>
    public PrivateKey EdAssertionKey { get; } = PrivateKey.Generate(KeyType.Ed25519);

    /// <summary>Owner of the delegating issuer.</summary>
    public PrivateKey DelegatorOwner { get; } = PrivateKey.Generate(KeyType.Secp256k1);

    /// <summary>A live veriKey delegate of DelegatorOwner's DID.</summary>
    public PrivateKey VeriKeyDelegate { get; } = PrivateKey.Generate(KeyType.Secp256k1);

    /// <summary>A veriKey delegate of DelegatorOwner's DID, added then revoked.</summary>
    public PrivateKey RevokedDelegate { get; } = PrivateKey.Generate(KeyType.Secp256k1);

    /// <summary>Former owner of the rotated DID (changeOwner to RotatedNewOwner).</summary>
    public PrivateKey RotatedOldOwner { get; } = PrivateKey.Generate(KeyType.Secp256k1);

    public PrivateKey RotatedNewOwner { get; } = PrivateKey.Generate(KeyType.Secp256k1);

    /// <summary>Owner of a DID deactivated (owner set to the zero address).</summary>
    public PrivateKey Deactivated { get; } = PrivateKey.Generate(KeyType.Secp256k1);

    /// <summary>The patient: holder and subject.</summary>
    public PrivateKey Holder { get; } = PrivateKey.Generate(KeyType.Secp256k1);

    /// <summary>Ed25519 key set as <c>did/pub/Ed25519/sigAuth/base64</c> of the holder (authentication and assertion).</summary>
    public PrivateKey HolderEdAuthKey { get; } = PrivateKey.Generate(KeyType.Ed25519);

    /// <summary>A veriKey delegate of the holder (assertionMethod only).</summary>
    public PrivateKey HolderVeriKey { get; } = PrivateKey.Generate(KeyType.Secp256k1);

    /// <summary>Someone else, in no document.</summary>
    public PrivateKey Stranger { get; } = PrivateKey.Generate(KeyType.Secp256k1);

    public string IssuerDid => Did(Issuer);

    public string EdIssuerDid => Did(EdOwner);

    public string DelegatorDid => Did(DelegatorOwner);

    public string RotatedDid => Did(RotatedOldOwner);

    public string DeactivatedDid => Did(Deactivated);

    public string HolderDid => Did(Holder);

    public static string Did(PrivateKey key) => EthrDid.Format(key.PublicKey.ToEthereumAddress(), Network);

    public static async Task<EthrWorld> CreateAsync(AnvilFixture chain)
    {
        var world = new EthrWorld(chain);
        var registry = chain.CreateRegistry();
        async Task Relay(RegistryOperation operation, PrivateKey owner) =>
            await registry.SendSignedAsync(await registry.SignAsync(operation, owner), AnvilFixture.DevKey(2));

        await Relay(new SetAttributeOperation(Address(world.EdOwner), "did/pub/Ed25519/veriKey/base64", world.EdAssertionKey.PublicKey.Bytes, 86_400), world.EdOwner);
        await Relay(new AddDelegateOperation(Address(world.DelegatorOwner), "veriKey", Address(world.VeriKeyDelegate), 86_400), world.DelegatorOwner);
        await Relay(new AddDelegateOperation(Address(world.DelegatorOwner), "veriKey", Address(world.RevokedDelegate), 86_400), world.DelegatorOwner);
        await Relay(new RevokeDelegateOperation(Address(world.DelegatorOwner), "veriKey", Address(world.RevokedDelegate)), world.DelegatorOwner);
        await Relay(new ChangeOwnerOperation(Address(world.RotatedOldOwner), Address(world.RotatedNewOwner)), world.RotatedOldOwner);
        await Relay(new ChangeOwnerOperation(Address(world.Deactivated), EthereumAddress.Zero), world.Deactivated);
        await Relay(new SetAttributeOperation(Address(world.Holder), "did/pub/Ed25519/sigAuth/base64", world.HolderEdAuthKey.PublicKey.Bytes, 86_400), world.Holder);
        await Relay(new AddDelegateOperation(Address(world.Holder), "veriKey", Address(world.HolderVeriKey), 86_400), world.Holder);
        return world;
    }

    /// <summary>Runs ops with did-jwt-vc and ethr-did-resolver (tests/node/vc-ethr.mjs) against this chain.</summary>
    public Task<JsonArray> RunNodeAsync(IEnumerable<JsonObject> ops) => VcEthrScript.RunAsync(Chain, Network, ops);

    /// <summary>A did-jwt-vc issuing op signed by <paramref name="key"/> for <paramref name="did"/>.</summary>
    public static JsonObject Issue(string op, PrivateKey key, string alg, string did, JsonObject payload, JsonObject? extra = null)
    {
        var result = new JsonObject
        {
            ["op"] = op,
            ["alg"] = alg,
            ["key"] = Convert.ToHexStringLower(key.ExportRaw()),
            ["did"] = did,
            ["payload"] = payload,
        };
        foreach (var (name, value) in extra ?? [])
        {
            result[name] = value?.DeepClone();
        }

        return result;
    }

    public void Dispose()
    {
        foreach (var key in new[] { Issuer, EdOwner, EdAssertionKey, DelegatorOwner, VeriKeyDelegate, RevokedDelegate, RotatedOldOwner, RotatedNewOwner, Deactivated, Holder, HolderEdAuthKey, HolderVeriKey, Stranger })
        {
            key.Dispose();
        }
    }

    private static EthereumAddress Address(PrivateKey key) => key.PublicKey.ToEthereumAddress();
}
