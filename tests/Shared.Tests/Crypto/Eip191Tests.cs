using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Shared.Tests.Crypto;

public sealed class Eip191Tests
{
    /// <summary>
    /// personal_sign vectors from MetaMask's eth-sig-util and eth-simple-keyring tests ("kumavis fml manual test"
    /// I–III, made with geth): message bytes, private key, the exact wallet signature, the signer.
    /// </summary>
    private static readonly (string Message, string PrivateKey, string Signature, string Signer)[] WalletVectors =
    [
        ("68656c6c6f20776f726c64", "6969696969696969696969696969696969696969696969696969696969696969", "ce909e8ea6851bc36c007a0072d0524b07a3ff8d4e623aca4c71ca8e57250c4d0a3fc38fa8fbaaa81ead4b9f6bd03356b6f8bf18bccad167d78891636e1d69561b", "0xbe93f9bacbcffc8ee6663f2647917ed7a20a57bb"),
        ("0cc175b9c0f1b6a831c399e26977266192eb5ffee6ae2fec3ad71c777531578f", "6969696969696969696969696969696969696969696969696969696969696969", "9ff8350cc7354b80740a3580d0e0fd4f1f02062040bc06b893d70906f8728bb5163837fd376bf77ce03b55e9bd092b32af60e86abce48f7b8d3539988ee5a9be1c", "0xbe93f9bacbcffc8ee6663f2647917ed7a20a57bb"),
        ("0cc175b9c0f1b6a831c399e26977266192eb5ffee6ae2fec3ad71c777531578f", "4545454545454545454545454545454545454545454545454545454545454545", "a2870db1d0c26ef93c7b72d2a0830fa6b841e0593f7186bc6c7cc317af8cf3a42fda03bd589a49949aa05db83300cdb553116274518dbe9d90c65d0213f4af491b", "0xe0da1edcea030875cd0f199d96eb70f6ab78faf2"),
    ];

    /// <summary>spruceid/siwe test/verification_positive.json: "example message" (v = 27) and "tally_example" (v = 1).</summary>
    private static readonly (string Message, string Signature, string Signer)[] SiweVectors =
    [
        (
            "login.xyz wants you to sign in with your Ethereum account:\n0x9D85ca56217D2bb651b00f15e694EB7E713637D4\n\nSign-In With Ethereum Example Statement\n\nURI: https://login.xyz\nVersion: 1\nChain ID: 1\nNonce: bTyXgcQxn2htgkjJn\nIssued At: 2022-01-27T17:09:38.578Z\nExpiration Time: 2100-01-07T14:31:43.952Z",
            "dc35c7f8ba2720df052e0092556456127f00f7707eaa8e3bbff7e56774e7f2e05a093cfc9e02964c33d86e8e066e221b7d153d27e5a2e97ccd5ca7d3f2ce06cb1b",
            "0x9D85ca56217D2bb651b00f15e694EB7E713637D4"),
        (
            "www.tally.xyz wants you to sign in with your Ethereum account:\n0xc95EB884FE852e241D409234bfC7045CB9E31BD7\n\nSign in with Ethereum to Tally\n\nURI: https://tally.xyz\nVersion: 1\nChain ID: 1\nNonce: 15050747\nIssued At: 2022-06-30T14:08:51.382Z",
            "8c46b6eb8505939892d8e9b075f89f8277321b17b993151f37810cdda38cce6f4a85909d2b53e6a14629c74c0ac38bf4becde78ee5b2529812bf6cceaf7b2a2501",
            "0xc95EB884FE852e241D409234bfC7045CB9E31BD7"),
    ];

    public static TheoryData<string, string, string, string, string> Wallet
    {
        get
        {
            var data = new TheoryData<string, string, string, string, string>();
            foreach (var name in Secp256k1Implementations.Names)
            {
                foreach (var (message, privateKey, signature, signer) in WalletVectors)
                {
                    data.Add(name, message, privateKey, signature, signer);
                }
            }

            return data;
        }
    }

    public static TheoryData<string, string, string, string> Siwe => Secp256k1Implementations.Cross(SiweVectors);

    public static TheoryData<string> Implementations => Secp256k1Implementations.All();

    [Theory]
    [MemberData(nameof(Wallet))]
    public void SignPersonalMessage_PublishedWalletVector_GivesWalletSignature(string implementation, string message, string privateKey, string expected, string signer)
    {
        var signature = Eip191.SignPersonalMessage(Hex.Decode(message), Hex.Decode(privateKey), Secp256k1Implementations.Get(implementation));

        Assert.Equal(expected, Hex.Encode(signature));
        Assert.Equal(signer, PrivateKey.Import(KeyType.Secp256k1, Hex.Decode(privateKey)).PublicKey.ToEthereumAddress().ToLowerHex());
    }

    [Theory]
    [MemberData(nameof(Wallet))]
    public void TryRecoverPersonalMessageSigner_PublishedWalletVector_GivesSigner(string implementation, string message, string privateKey, string signature, string signer)
    {
        Assert.True(Eip191.TryRecoverPersonalMessageSigner(Hex.Decode(message), Hex.Decode(signature), out var recovered, Secp256k1Implementations.Get(implementation)));

        Assert.Equal(signer, recovered.ToLowerHex());
        Assert.Equal(PrivateKey.Import(KeyType.Secp256k1, Hex.Decode(privateKey)).PublicKey.ToEthereumAddress(), recovered);
    }

    [Theory]
    [MemberData(nameof(Siwe))]
    public void TryRecoverPersonalMessageSigner_SiweVector_GivesStatedAddress(string implementation, string message, string signature, string signer)
    {
        Assert.True(Eip191.TryRecoverPersonalMessageSigner(System.Text.Encoding.UTF8.GetBytes(message), Hex.Decode(signature), out var recovered, Secp256k1Implementations.Get(implementation)));

        Assert.Equal(signer, recovered.ToString());
    }

    [Theory]
    [MemberData(nameof(Siwe))]
    public void TryRecoverPersonalMessageSigner_MessageChanged_GivesAnotherAddress(string implementation, string message, string signature, string signer)
    {
        var changed = System.Text.Encoding.UTF8.GetBytes(message.Replace("Version: 1", "Version: 2", StringComparison.Ordinal));

        var recovered = Eip191.TryRecoverPersonalMessageSigner(changed, Hex.Decode(signature), out var address, Secp256k1Implementations.Get(implementation));

        Assert.True(!recovered || address.ToString() != signer);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void TryRecoverPersonalMessageSigner_BadRecoveryByteOrLength_ReturnsFalse(string implementation)
    {
        var secp = Secp256k1Implementations.Get(implementation);
        var (message, _, signature, _) = WalletVectors[0];
        var valid = Hex.Decode(signature);

        foreach (var v in new byte[] { 2, 3, 26, 29, 30, 255 })
        {
            var bad = valid.ToArray();
            bad[64] = v;
            Assert.False(Eip191.TryRecoverPersonalMessageSigner(Hex.Decode(message), bad, out var address, secp), $"v = {v}");
            Assert.True(address.IsZero);
        }

        Assert.False(Eip191.TryRecoverPersonalMessageSigner(Hex.Decode(message), valid.AsSpan(0, 64), out _, secp));
        Assert.False(Eip191.TryRecoverPersonalMessageSigner(Hex.Decode(message), [.. valid, 0], out _, secp));
        Assert.False(Eip191.TryRecoverPersonalMessageSigner(Hex.Decode(message), new byte[65], out _, secp));
    }

    [Fact]
    public void TryRecoverPersonalMessageSigner_VZeroOrOne_SameAsTwentySevenOrEight()
    {
        var (message, _, signature, signer) = WalletVectors[0];
        var normalised = Hex.Decode(signature);
        normalised[64] -= 27;

        Assert.True(Eip191.TryRecoverPersonalMessageSigner(Hex.Decode(message), normalised, out var recovered));
        Assert.Equal(signer, recovered.ToLowerHex());
    }

    [Fact]
    public void HashPersonalMessage_HelloWorld_MatchesEthersHashMessage()
    {
        // ethers 6 hashMessage("hello world"), run as a cross-check.
        Assert.Equal("d9eba16ed0ecae432b71fe008c98cc872bb4cc214d3220a36f365326cf807d68", Hex.Encode(Eip191.HashPersonalMessage("hello world"u8)));
    }
}
