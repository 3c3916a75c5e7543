using System.Numerics;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;
using Identity.Shared.Ethereum;

namespace Identity.Shared.Tests.Ethereum;

/// <summary>Literal selectors and topics are those of specs.md §1.3/§1.4 (verified there independently).</summary>
public sealed class EthereumDidRegistryAbiTests
{
    private static readonly EthereumAddress Identity = EthereumAddress.Parse("0xf3beac30c498d9e26865f34fcaa57dbb935b0d74");
    private static readonly EthereumAddress Other = EthereumAddress.Parse("0x45c4ebd7ffb86891ba6f9f68452f9f0815aacd8b");

    public static TheoryData<string, string> Selectors => new()
    {
        { "identityOwner(address)", "8733d4e8" },
        { "changed(address)", "f96d0f9f" },
        { "nonce(address)", "70ae92d2" },
        { "owners(address)", "022914a7" },
        { "delegates(address,bytes32,address)", "0d44625b" },
        { "validDelegate(address,bytes32,address)", "622b2a3c" },
        { "changeOwner(address,address)", "f00d4b5d" },
        { "addDelegate(address,bytes32,address,uint256)", "a7068d66" },
        { "revokeDelegate(address,bytes32,address)", "80b29f7c" },
        { "setAttribute(address,bytes32,bytes,uint256)", "7ad4b0a4" },
        { "revokeAttribute(address,bytes32,bytes)", "00c023da" },
        { "changeOwnerSigned(address,uint8,bytes32,bytes32,address)", "240cf1fa" },
        { "addDelegateSigned(address,uint8,bytes32,bytes32,bytes32,address,uint256)", "9c2c1b2b" },
        { "revokeDelegateSigned(address,uint8,bytes32,bytes32,bytes32,address)", "93072684" },
        { "setAttributeSigned(address,uint8,bytes32,bytes32,bytes32,bytes,uint256)", "123b5e98" },
        { "revokeAttributeSigned(address,uint8,bytes32,bytes32,bytes32,bytes)", "e476af5c" },
    };

    [Theory]
    [MemberData(nameof(Selectors))]
    public void Selector_CanonicalSignature_MatchesSpec(string signature, string expected)
    {
        Assert.Equal(expected, Hex.Encode(EthereumDidRegistryAbi.Selector(signature)));
    }

    [Fact]
    public void Topics_MatchSpec()
    {
        Assert.Equal("0x38a5a6e68f30ed1ab45860a4afb34bcb2fc00f22ca462d249b8a8d40cda6f7a3", EthereumDidRegistryAbi.DidOwnerChangedTopic);
        Assert.Equal("0x5a5084339536bcab65f20799fcc58724588145ca054bd2be626174b27ba156f7", EthereumDidRegistryAbi.DidDelegateChangedTopic);
        Assert.Equal("0x18ab6b2ae3d64306c00ce663125f2bd680e441a098de1635bd7ad8b0d44965e4", EthereumDidRegistryAbi.DidAttributeChangedTopic);
    }

    [Fact]
    public void Operations_EncodeWithSpecSelectors()
    {
        var r = new byte[32];
        var s = new byte[32];
        (RegistryOperation Operation, string Direct, string Signed)[] cases =
        [
            (new ChangeOwnerOperation(Identity, Other), "f00d4b5d", "240cf1fa"),
            (new AddDelegateOperation(Identity, "veriKey", Other, 1), "a7068d66", "9c2c1b2b"),
            (new RevokeDelegateOperation(Identity, "veriKey", Other), "80b29f7c", "93072684"),
            (new SetAttributeOperation(Identity, "did/svc/HubService", "x"u8, 1), "7ad4b0a4", "123b5e98"),
            (new RevokeAttributeOperation(Identity, "did/svc/HubService", "x"u8), "00c023da", "e476af5c"),
        ];
        foreach (var (operation, direct, signed) in cases)
        {
            Assert.Equal(direct, Hex.Encode(operation.EncodeCall().AsSpan(0, 4)));
            Assert.Equal(signed, Hex.Encode(operation.EncodeSignedCall(27, r, s).AsSpan(0, 4)));
        }
    }

    [Fact]
    public void EncodeChanged_KotlinDidJwtVector_MatchesRecordedCall()
    {
        // uport-project/kotlin-did-jwt EthrDIDResolverTest: eth_call data for changed(0xf3beac30…).
        Assert.Equal("f96d0f9f000000000000000000000000f3beac30c498d9e26865f34fcaa57dbb935b0d74", Hex.Encode(EthereumDidRegistryAbi.EncodeChanged(Identity)));
    }

    [Fact]
    public void SetAttribute_EncodesDynamicBytesAfterHead()
    {
        var call = new SetAttributeOperation(Identity, "did/pub/Ed25519/veriKey/base64", Hex.Decode("0102"), 86400).EncodeCall();

        Assert.Equal(4 + (32 * 6), call.Length);
        Assert.Equal(BigInteger.Parse("128", System.Globalization.CultureInfo.InvariantCulture), new BigInteger(call.AsSpan(4 + 64, 32), true, true));
        Assert.Equal("6469642f7075622f456432353531392f766572694b65792f6261736536340000", Hex.Encode(call.AsSpan(4 + 32, 32)));
        Assert.Equal(2, call[4 + 128 + 31]);
        Assert.Equal("0102", Hex.Encode(call.AsSpan(4 + 160, 2)));
    }

    [Fact]
    public void Bytes32String_SpecExamples()
    {
        Assert.Equal("766572694b6579" + new string('0', 50), Hex.Encode(Bytes32String.Encode("veriKey")));
        Assert.Equal("73696741757468" + new string('0', 50), Hex.Encode(Bytes32String.Encode("sigAuth")));
        Assert.StartsWith("6469642f7376632f48756253657276696365", Hex.Encode(Bytes32String.Encode("did/svc/HubService")), StringComparison.Ordinal);
        Assert.False(Bytes32String.TryEncode(new string('a', 33), out _));
        Assert.True(Bytes32String.TryDecode(Bytes32String.Encode("veriKey"), out var text));
        Assert.Equal("veriKey", text);
        var invalid = new byte[32];
        invalid[0] = 0xff;
        Assert.False(Bytes32String.TryDecode(invalid, out _));
    }

    [Fact]
    public void DelegateKey_MatchesSpecHashes()
    {
        Assert.Equal("5131703eb28657f80b12e8bd25301430e1b2ae9578826e4a1f7a113854baf8be", Hex.Encode(EthereumDidRegistryAbi.DelegateKey("veriKey")));
        Assert.Equal("3a1f860b6378c592677079181386ab704a8b302a45b41ed2d78f90767569bb0e", Hex.Encode(EthereumDidRegistryAbi.DelegateKey("sigAuth")));
    }

    [Fact]
    public void TryDecodeEvent_MainnetDelegateLog_DecodesSpecValues()
    {
        // specs.md §1.3: mainnet DIDDelegateChanged for 0xf3beac30… in block 0x2a8a7d.
        var data = Bytes32String.Encode("Secp256k1VerificationKey2018")
            .Concat(Word("00000000000000000000000045c4ebd7ffb86891ba6f9f68452f9f0815aacd8b"))
            .Concat(EthereumDidRegistryAbiWord(4687489583))
            .Concat(EthereumDidRegistryAbiWord(2784036)).ToArray();
        var log = Log(EthereumDidRegistryAbi.DidDelegateChangedTopic, data, 0x2a8a7d);

        Assert.True(EthereumDidRegistryAbi.TryDecodeEvent(log, out var decoded));
        var changed = Assert.IsType<DidDelegateChanged>(decoded);
        Assert.Equal(Identity, changed.Identity);
        Assert.Equal("Secp256k1VerificationKey2018", changed.DelegateType);
        Assert.Equal(Other, changed.Delegate);
        Assert.Equal(new BigInteger(4687489583), changed.ValidTo);
        Assert.Equal(2784036UL, changed.PreviousChange);
        Assert.Equal(0x2a8a7dUL, changed.BlockNumber);
    }

    [Fact]
    public void TryDecodeEvent_AttributeWithNonUtf8Name_KeepsBytesAndNullName()
    {
        var name = new byte[32];
        name[0] = 0xc3;
        var data = name.Concat(EthereumDidRegistryAbiWord(128)).Concat(EthereumDidRegistryAbiWord(0)).Concat(EthereumDidRegistryAbiWord(7))
            .Concat(EthereumDidRegistryAbiWord(3)).Concat(Hex.Decode("aabbcc")).Concat(new byte[29]).ToArray();

        Assert.True(EthereumDidRegistryAbi.TryDecodeEvent(Log(EthereumDidRegistryAbi.DidAttributeChangedTopic, data, 9), out var decoded));
        var attribute = Assert.IsType<DidAttributeChanged>(decoded);
        Assert.Null(attribute.Name);
        Assert.Equal("aabbcc", Hex.Encode(attribute.Value.Span));
        Assert.Equal(7UL, attribute.PreviousChange);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(65)]
    public void TryDecodeEvent_OwnerChangedWrongLength_False(int length)
    {
        Assert.False(EthereumDidRegistryAbi.TryDecodeEvent(Log(EthereumDidRegistryAbi.DidOwnerChangedTopic, new byte[length], 1), out _));
    }

    [Fact]
    public void TryDecodeEvent_AttributeOffsetOutOfRange_False()
    {
        var data = new byte[32].Concat(EthereumDidRegistryAbiWord(4096)).Concat(new byte[96]).ToArray();

        Assert.False(EthereumDidRegistryAbi.TryDecodeEvent(Log(EthereumDidRegistryAbi.DidAttributeChangedTopic, data, 1), out _));
    }

    [Fact]
    public void MetaTransactionHash_ChangeOwner_IsKeccakOfPackedLayout()
    {
        var registry = EthereumAddress.Parse("0x03d5003bf0e79c5f5223588f347eba39afbc3818");
        var expected = Keccak256.Hash(
            Hex.Decode("1900").Concat(registry.Bytes.ToArray()).Concat(EthereumDidRegistryAbiWord(5)).Concat(Identity.Bytes.ToArray())
                .Concat("changeOwner"u8.ToArray()).Concat(Other.Bytes.ToArray()).ToArray());

        Assert.Equal(expected, new ChangeOwnerOperation(Identity, Other).GetMetaTransactionHash(registry, 5));
    }

    [Fact]
    public void SignedOperation_RecoversSigner_AndFailsForAnotherNonce()
    {
        using var owner = PrivateKey.Generate(KeyType.Secp256k1);
        var registry = EthereumAddress.Parse("0x03d5003bf0e79c5f5223588f347eba39afbc3818");
        var operation = new AddDelegateOperation(Identity, "sigAuth", Other, 60);
        var signed = SignedRegistryOperation.Sign(operation, registry, 3, owner);

        Assert.True(signed.TryRecoverSigner(out var signer));
        Assert.Equal(owner.PublicKey.ToEthereumAddress(), signer);
        Assert.True(signed.V is 27 or 28);
        var signature = signed.R.ToArray().Concat(signed.S.ToArray()).Append(signed.V).ToArray();
        Assert.True(SignedRegistryOperation.TryCreate(operation, registry, 4, signature, out var replayed));
        Assert.True(replayed.TryRecoverSigner(out var other));
        Assert.NotEqual(owner.PublicKey.ToEthereumAddress(), other);
    }

    [Fact]
    public void RevertReason_ErrorString_Decoded()
    {
        var data = Hex.Decode("08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020" + "0000000000000000000000000000000000000000000000000000000000000009" + "6261645f6163746f720000000000000000000000000000000000000000000000");

        Assert.True(RevertReason.TryDecode(data, out var reason));
        Assert.Equal("bad_actor", reason);
        Assert.False(RevertReason.TryDecode(data.AsSpan(0, 40), out _));
        Assert.False(RevertReason.TryDecode([], out _));
        Assert.True(RevertReason.TryDecode(Hex.Decode("4e487b71" + "0000000000000000000000000000000000000000000000000000000000000011"), out var panic));
        Assert.Equal("Panic(0x11)", panic);
    }

    private static byte[] Word(string hex) => Hex.Decode(hex);

    private static byte[] EthereumDidRegistryAbiWord(ulong value)
    {
        var word = new byte[32];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(word.AsSpan(24), value);
        return word;
    }

    private static EthereumLog Log(string topic, byte[] data, ulong block) => new()
    {
        Address = EthereumAddress.Parse("0xdca7ef03e98e0dc2b855be647c39abe984fcf21b"),
        Topics = [topic, EthereumDidRegistryAbi.AddressTopic(Identity)],
        Data = data,
        BlockNumber = block,
        BlockHash = "0x" + new string('0', 64),
        TransactionHash = "0x" + new string('1', 64),
        LogIndex = 0,
    };
}
