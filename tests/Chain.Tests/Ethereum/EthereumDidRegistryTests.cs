using System.Numerics;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;
using Identity.Shared.Ethereum;
using Identity.TestSupport.Chain;

namespace Identity.Chain.Tests.Ethereum;

[Collection(AnvilFixture.Collection)]
public sealed class EthereumDidRegistryTests(AnvilFixture chain)
{
    private static readonly BigInteger OneEther = BigInteger.Pow(10, 18);

    public static TheoryData<bool> Paths => new() { false, true };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task ChangeOwner_BothPaths_OwnerChangedAndEventDecoded(bool meta)
    {
        var registry = chain.CreateRegistry();
        using var owner = await FreshFundedKeyAsync();
        using var newOwner = PrivateKey.Generate(KeyType.Secp256k1);
        var identity = owner.PublicKey.ToEthereumAddress();
        var operation = new ChangeOwnerOperation(identity, newOwner.PublicKey.ToEthereumAddress());

        var receipt = await WriteAsync(registry, operation, owner, meta);

        Assert.Equal(newOwner.PublicKey.ToEthereumAddress(), await registry.GetOwnerAsync(identity));
        Assert.Equal(receipt.BlockNumber, await registry.GetChangedAsync(identity));
        var changed = Assert.IsType<DidOwnerChanged>(Assert.Single(await registry.GetEventsAsync(identity, 0UL, BlockTag.Latest)));
        Assert.Equal(identity, changed.Identity);
        Assert.Equal(newOwner.PublicKey.ToEthereumAddress(), changed.Owner);
        Assert.Equal(0UL, changed.PreviousChange);
        Assert.Equal(receipt.BlockNumber, changed.BlockNumber);
        Assert.Equal(receipt.TransactionHash, changed.TransactionHash);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task AddThenRevokeDelegate_BothPaths_ValidDelegateFollowsAndEventsChain(bool meta)
    {
        var registry = chain.CreateRegistry();
        using var owner = await FreshFundedKeyAsync();
        var identity = owner.PublicKey.ToEthereumAddress();
        var delegateAddress = EthereumAddress.Parse("0x" + Hex.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)));

        var added = await WriteAsync(registry, new AddDelegateOperation(identity, "veriKey", delegateAddress, 86_400), owner, meta);
        Assert.True(await registry.IsValidDelegateAsync(identity, "veriKey", delegateAddress));
        Assert.False(await registry.IsValidDelegateAsync(identity, "sigAuth", delegateAddress));

        var revoked = await WriteAsync(registry, new RevokeDelegateOperation(identity, "veriKey", delegateAddress), owner, meta);
        Assert.False(await registry.IsValidDelegateAsync(identity, "veriKey", delegateAddress));

        var events = await registry.GetEventsAsync(identity, 0UL, BlockTag.Latest);
        Assert.Equal(2, events.Count);
        var add = Assert.IsType<DidDelegateChanged>(events[0]);
        var revoke = Assert.IsType<DidDelegateChanged>(events[1]);
        var addTime = (await chain.Rpc.GetBlockTimestampsAsync([added.BlockNumber]))[added.BlockNumber];
        var revokeTime = (await chain.Rpc.GetBlockTimestampsAsync([revoked.BlockNumber]))[revoked.BlockNumber];
        Assert.Equal("veriKey", add.DelegateType);
        Assert.Equal(Bytes32String.Encode("veriKey"), add.DelegateTypeBytes.ToArray());
        Assert.Equal(delegateAddress, add.Delegate);
        Assert.Equal(new BigInteger(addTime + 86_400), add.ValidTo);
        Assert.Equal(0UL, add.PreviousChange);
        Assert.Equal(new BigInteger(revokeTime), revoke.ValidTo);
        Assert.Equal(added.BlockNumber, revoke.PreviousChange);
        Assert.Equal(revoked.BlockNumber, await registry.GetChangedAsync(identity));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task SetThenRevokeAttribute_BothPaths_EventsCarryNameValueAndValidity(bool meta)
    {
        var registry = chain.CreateRegistry();
        using var owner = await FreshFundedKeyAsync();
        var identity = owner.PublicKey.ToEthereumAddress();
        const string name = "did/pub/Ed25519/veriKey/base64";
        var value = Hex.Decode("c642b357e0d6ff1b2a7ffd40b0c3e1b33a1b0b9f7d0b2f7a5c8a06b9a2d69d07e5f0");

        var set = await WriteAsync(registry, new SetAttributeOperation(identity, name, value, 3_600), owner, meta);
        await WriteAsync(registry, new RevokeAttributeOperation(identity, name, value), owner, meta);

        var events = await registry.GetEventsAsync(identity, 0UL, BlockTag.Latest);
        Assert.Equal(2, events.Count);
        var added = Assert.IsType<DidAttributeChanged>(events[0]);
        var removed = Assert.IsType<DidAttributeChanged>(events[1]);
        var setTime = (await chain.Rpc.GetBlockTimestampsAsync([set.BlockNumber]))[set.BlockNumber];
        Assert.Equal(name, added.Name);
        Assert.Equal(value, added.Value.ToArray());
        Assert.Equal(new BigInteger(setTime + 3_600), added.ValidTo);
        Assert.Equal(name, removed.Name);
        Assert.Equal(value, removed.Value.ToArray());
        Assert.Equal(BigInteger.Zero, removed.ValidTo);
        Assert.Equal(set.BlockNumber, removed.PreviousChange);
    }

    [Fact]
    public async Task ChangeOwner_SenderNotOwner_RevertedBadActor()
    {
        var registry = chain.CreateRegistry();
        using var stranger = await FreshFundedKeyAsync();
        var identity = EthereumAddress.Parse("0x" + Hex.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)));

        var error = await Assert.ThrowsAsync<EthereumTransactionException>(() => registry.SendAsync(new ChangeOwnerOperation(identity, stranger.PublicKey.ToEthereumAddress()), stranger));

        Assert.Equal(EthereumTransactionErrorKind.Reverted, error.Kind);
        Assert.Equal("bad_actor", error.RevertReason);
        Assert.Equal(0UL, await chain.Rpc.GetTransactionCountAsync(stranger.PublicKey.ToEthereumAddress(), BlockTag.Pending));
    }

    [Fact]
    public async Task SendSigned_SignedByNonOwner_RefusedBeforeSending()
    {
        var registry = chain.CreateRegistry();
        using var owner = PrivateKey.Generate(KeyType.Secp256k1);
        using var impostor = PrivateKey.Generate(KeyType.Secp256k1);
        using var relay = await FreshFundedKeyAsync();
        var identity = owner.PublicKey.ToEthereumAddress();
        var operation = new ChangeOwnerOperation(identity, impostor.PublicKey.ToEthereumAddress());
        var signed = SignedRegistryOperation.Sign(operation, registry.Address, await registry.GetMetaTransactionNonceAsync(operation), impostor);

        var error = await Assert.ThrowsAsync<EthereumTransactionException>(() => registry.SendSignedAsync(signed, relay));

        Assert.Equal(EthereumTransactionErrorKind.SignatureNotFromOwner, error.Kind);
        Assert.Null(error.TransactionHash);
        Assert.Equal(0UL, await chain.Rpc.GetTransactionCountAsync(relay.PublicKey.ToEthereumAddress(), BlockTag.Pending));
        Assert.Equal(identity, await registry.GetOwnerAsync(identity));
    }

    [Fact]
    public async Task SendSigned_ReusedSignatureAfterNonceMoved_RefusedAsStale()
    {
        var registry = chain.CreateRegistry();
        using var owner = PrivateKey.Generate(KeyType.Secp256k1);
        using var relay = await FreshFundedKeyAsync();
        var identity = owner.PublicKey.ToEthereumAddress();
        var operation = new SetAttributeOperation(identity, "did/svc/HubService", "https://hub.example"u8, 600);
        var signed = await registry.SignAsync(operation, owner);
        await registry.SendSignedAsync(signed, relay);
        var relayNonce = await chain.Rpc.GetTransactionCountAsync(relay.PublicKey.ToEthereumAddress(), BlockTag.Pending);

        var error = await Assert.ThrowsAsync<EthereumTransactionException>(() => registry.SendSignedAsync(signed, relay));

        Assert.Equal(EthereumTransactionErrorKind.StaleNonce, error.Kind);
        Assert.Equal(relayNonce, await chain.Rpc.GetTransactionCountAsync(relay.PublicKey.ToEthereumAddress(), BlockTag.Pending));
        Assert.Equal(BigInteger.One, await registry.GetNonceAsync(identity));
    }

    [Fact]
    public async Task SendSigned_RelayedWithoutLocalCheck_ContractSaysBadSignature()
    {
        // The local check is what keeps this from the chain; bypass it to confirm the contract agrees.
        var registry = chain.CreateRegistry();
        using var owner = PrivateKey.Generate(KeyType.Secp256k1);
        using var impostor = PrivateKey.Generate(KeyType.Secp256k1);
        using var relay = await FreshFundedKeyAsync();
        var operation = new ChangeOwnerOperation(owner.PublicKey.ToEthereumAddress(), impostor.PublicKey.ToEthereumAddress());
        var signed = SignedRegistryOperation.Sign(operation, registry.Address, BigInteger.Zero, impostor);

        var error = await Assert.ThrowsAsync<EthereumTransactionException>(() =>
            new EthereumTransactionSender(chain.Rpc).SendAsync(relay, registry.Address, signed.EncodeCall()));

        Assert.Equal("bad_signature", error.RevertReason);
    }

    [Fact]
    public async Task GetChanged_UntouchedIdentity_ZeroAndNoEvents()
    {
        var registry = chain.CreateRegistry();
        var identity = EthereumAddress.Parse("0x" + Hex.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)));

        Assert.Equal(0UL, await registry.GetChangedAsync(identity));
        Assert.Empty(await registry.GetEventsAsync(identity, 0UL, BlockTag.Latest));
        Assert.Equal(BigInteger.Zero, await registry.GetNonceAsync(identity));
    }

    private async Task<TransactionReceipt> WriteAsync(EthereumDidRegistry registry, RegistryOperation operation, PrivateKey owner, bool meta)
    {
        if (!meta)
        {
            return await registry.SendAsync(operation, owner);
        }

        using var relay = AnvilFixture.DevKey(1);
        var relayAddress = relay.PublicKey.ToEthereumAddress();
        var ownerNonce = await chain.Rpc.GetTransactionCountAsync(owner.PublicKey.ToEthereumAddress(), BlockTag.Pending);
        var before = await registry.GetMetaTransactionNonceAsync(operation);
        var receipt = await registry.SendSignedAsync(await registry.SignAsync(operation, owner), relay);
        Assert.Equal(relayAddress, receipt.From);
        Assert.Equal(ownerNonce, await chain.Rpc.GetTransactionCountAsync(owner.PublicKey.ToEthereumAddress(), BlockTag.Pending));
        Assert.Equal(before + 1, await registry.GetNonceAsync(owner.PublicKey.ToEthereumAddress()));
        return receipt;
    }

    private async Task<PrivateKey> FreshFundedKeyAsync()
    {
        var key = PrivateKey.Generate(KeyType.Secp256k1);
        await chain.FundAsync(key.PublicKey.ToEthereumAddress(), OneEther);
        return key;
    }
}
