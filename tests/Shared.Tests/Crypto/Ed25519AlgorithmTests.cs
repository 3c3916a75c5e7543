using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Shared.Tests.Crypto;

public sealed class Ed25519AlgorithmTests
{
    /// <summary>RFC 8032 §7.1: TEST 1, 2, 3 and TEST SHA(abc). Columns: secret seed, public key, message, signature.</summary>
    public static TheoryData<string, string, string, string> Rfc8032Vectors => new()
    {
        {
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            string.Empty,
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        },
        {
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        },
        {
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
        },
        {
            "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
            "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"
        },
    };

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void Sign_Rfc8032Vector_GivesPublishedSignature(string seed, string publicKey, string message, string signature)
    {
        using var key = PrivateKey.Import(KeyType.Ed25519, Hex.Decode(seed));

        Assert.Equal(KeyType.Ed25519, key.PublicKey.Type);
        Assert.Equal(publicKey, Hex.Encode(key.PublicKey.Bytes));
        Assert.Equal(signature, Hex.Encode(SignatureAlgorithm.EdDSA.Sign(key, Hex.Decode(message))));
    }

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void Verify_Rfc8032Vector_TrueForPublishedAndFalseForChangedMessage(string seed, string publicKey, string message, string signature)
    {
        var key = PublicKey.Import(KeyType.Ed25519, Hex.Decode(publicKey));

        Assert.True(SignatureAlgorithm.EdDSA.Verify(key, Hex.Decode(message), Hex.Decode(signature)));
        Assert.False(SignatureAlgorithm.EdDSA.Verify(key, [.. Hex.Decode(message), 0], Hex.Decode(signature)));
        using var privateKey = PrivateKey.Import(KeyType.Ed25519, Hex.Decode(seed));
        Assert.Equal(key, privateKey.PublicKey);
    }

    [Fact]
    public void Verify_SWithOrderAdded_ReturnsFalse()
    {
        // Ed25519 signatures are malleable unless S < L is enforced (RFC 8032 §5.1.7): S + L must fail.
        var key = PublicKey.Import(KeyType.Ed25519, Hex.Decode("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
        var signature = Hex.Decode("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        var s = new System.Numerics.BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: false);
        var l = System.Numerics.BigInteger.Pow(2, 252) + System.Numerics.BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);
        var malleated = (s + l).ToByteArray(isUnsigned: true, isBigEndian: false);
        Assert.True(malleated.Length <= 32);
        malleated.CopyTo(signature, 32);

        Assert.False(SignatureAlgorithm.EdDSA.Verify(key, [], signature));
    }

    [Fact]
    public void PublicKeyTryImport_Not32Bytes_ReturnsFalse()
    {
        Assert.False(PublicKey.TryImport(KeyType.Ed25519, new byte[31], out _));
        Assert.False(PublicKey.TryImport(KeyType.Ed25519, new byte[33], out _));
        Assert.False(PrivateKey.TryImport(KeyType.Ed25519, new byte[31], out _));
    }
}
