using System.Numerics;
using System.Security.Cryptography;
using Identity.Shared.Crypto;
using Identity.Shared.Dids.Ethr;
using Identity.TestSupport.Chain;

namespace Identity.Chain.Tests.Dids;

/// <summary>What the did:ethr chain tests share: the resolver's network for the fixture's chain, funded keys.</summary>
internal static class EthrTestChain
{
    public const string Network = "dev";

    /// <summary>Options for the fixture's chain, reached at <paramref name="rpcUrl"/> (a proxy) or directly.</summary>
    public static EthrDidOptions Options(AnvilFixture chain, Uri? rpcUrl = null, TimeSpan? timeout = null, int retries = 2)
    {
        var options = new EthrDidOptions { RpcTimeout = timeout ?? TimeSpan.FromSeconds(10), RpcMaxRetries = retries };
        Configure(options, chain, rpcUrl);
        return options;
    }

    public static void Configure(EthrDidOptions options, AnvilFixture chain, Uri? rpcUrl = null) =>
        options.Networks.Add(new EthrNetwork { Name = Network, ChainId = chain.ChainId, RpcUrl = rpcUrl ?? chain.RpcUrl, Registry = chain.RegistryAddress.ToString() });

    public static async Task<PrivateKey> FundedKeyAsync(AnvilFixture chain)
    {
        var key = PrivateKey.Generate(KeyType.Secp256k1);
        await chain.FundAsync(Address(key), BigInteger.Pow(10, 18));
        return key;
    }

    public static EthereumAddress Address(PrivateKey key) => key.PublicKey.ToEthereumAddress();

    public static EthereumAddress RandomAddress() => EthereumAddress.FromBytes(RandomNumberGenerator.GetBytes(20));

    public static string Did(PrivateKey key) => EthrDid.Format(Address(key), Network);
}
