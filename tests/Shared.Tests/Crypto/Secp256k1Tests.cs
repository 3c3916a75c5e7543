using System.Security.Cryptography;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Shared.Tests.Crypto;

/// <summary>
/// Published vectors and edge cases, run identically against libsecp256k1 and the managed implementation.
/// </summary>
public sealed class Secp256k1Tests
{
    private const string N = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
    private const string HalfN = "7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0";
    private const string P = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";
    private const string GeneratorX = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
    private const string GeneratorY = "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";
    private const string SatoshiR = "934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8";
    private const string SatoshiS = "2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5";

    /// <summary>
    /// RFC 6979 (HMAC-SHA256 nonces) over SHA-256 of the message, low-S: the vectors first posted on bitcointalk
    /// (topic 285142) and carried by python-bitcoinlib, bitcoinjs, trezor-crypto and others.
    /// </summary>
    private static readonly (string PrivateKey, string Message, string Signature)[] Rfc6979Vectors =
    [
        ("0000000000000000000000000000000000000000000000000000000000000001", "Satoshi Nakamoto", SatoshiR + SatoshiS),
        ("0000000000000000000000000000000000000000000000000000000000000001", "All those moments will be lost in time, like tears in rain. Time to die...", "8600dbd41e348fe5c9465ab92d23e3db8b98b873beecd930736488696438cb6b547fe64427496db33bf66019dacbf0039c04199abb0122918601db38a72cfc21"),
        ("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140", "Satoshi Nakamoto", "fd567d121db66e382991534ada77a6bd3106f0a1098c231e47993447cd6af2d06b39cd0eb1bc8603e159ef5c20a5c8ad685a45b06ce9bebed3f153d10d93bed5"),
        ("f8b8af8ce3c7cca5e300d33939540c10d45ce001b8f252bfbc57ba0342904181", "Alan Turing", "7063ae83e7f62bbb171798131b4a0564b956930092b33b07b395615d9ec7e15c58dfcc1e00a35e1572f366ffe34ba0fc47db1e7189759b9fb233c5b05ab388ea"),
        ("e91671c46231f833a6406ccbea0e3e392c76c167bac1cb013f6f1013980455c2", "There is a computer disease that anybody who works with computers knows about. It's a very serious disease and it interferes completely with the work. The trouble with computers is that you 'play' with them!", "b552edd27580141f3b2a5463048cb7cd3e047b97c9f98076c32dbdf85a68718b279fa72dd19bfae05577e06c7c0c1900c371fcd5893f7e1d56a37d30174671f6"),
        ("0000000000000000000000000000000000000000000000000000000000000001", "Everything should be made as simple as possible, but not simpler.", "33a69cd2065432a30f3d1ce4eb0d59b8ab58c74f27c41a7fdb5696ad4e6108c96f807982866f785d3f6418d24163ddae117b7db4d5fdf0071de069fa54342262"),
        ("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140", "Equations are more important to me, because politics is for the present, but an equation is something for eternity.", "54c4a33c6423d689378f160a7ff8b61330444abb58fb470f96ea16d99d4a2fed07082304410efa6b2943111b6a4e0aaa7b7db55a07e9861d1fb3cb1f421044a5"),
        ("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140", "Not only is the Universe stranger than we think, it is stranger than we can think.", "ff466a9f1b7b273e2f4c3ffe032eb2e814121ed18ef84665d0f515360dab3dd06fc95f5132e5ecfdc8e5e6e616cc77151455d46ed48f5589b7db7771a332b283"),
    ];

    /// <summary>The same suite as originally posted, before low-S normalisation (s' = n − s).</summary>
    private static readonly (string PrivateKey, string Message, string Signature)[] HighSVectors =
    [
        ("0000000000000000000000000000000000000000000000000000000000000001", "Satoshi Nakamoto", SatoshiR + "dbbd3162d46e9f9bef7feb87c16dc13b4f6568a87f4e83f728e2443ba586675c"),
        ("0000000000000000000000000000000000000000000000000000000000000001", "All those moments will be lost in time, like tears in rain. Time to die...", "8600dbd41e348fe5c9465ab92d23e3db8b98b873beecd930736488696438cb6bab8019bbd8b6924cc4099fe625340ffb1eaac34bf4477daa39d0835429094520"),
        ("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140", "Satoshi Nakamoto", "fd567d121db66e382991534ada77a6bd3106f0a1098c231e47993447cd6af2d094c632f14e4379fc1ea610a3df5a375152549736425ee17cebe10abbc2a2826c"),
    ];

    /// <summary>Ethereum accounts everyone knows: small scalars, hardhat/anvil's default accounts, did-jwt's test key, n−1.</summary>
    private static readonly (string PrivateKey, string Address)[] KnownAccounts =
    [
        ("0000000000000000000000000000000000000000000000000000000000000001", "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"),
        ("0000000000000000000000000000000000000000000000000000000000000002", "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF"),
        ("0000000000000000000000000000000000000000000000000000000000000003", "0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69"),
        ("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
        ("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
        ("5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a", "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"),
        ("278a5de700e29faae8e40e366ec5012b5ec63d36ec77e8a2417154cc1d25383f", "0xF3beAC30C498D9E26865F34fCAa57dBB935b0D74"),
        ("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140", "0x80C0dbf239224071c59dD8970ab9d542E3414aB2"),
    ];

    private static readonly (string Case, string PrivateKey)[] InvalidPrivateKeys =
    [
        ("zero", new string('0', 64)),
        ("n", N),
        ("n+1", "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142"),
        ("2^256-1", new string('f', 64)),
        ("31 bytes", new string('0', 60) + "01"),
        ("33 bytes", new string('0', 64) + "01"),
        ("empty", string.Empty),
    ];

    private static readonly (string Case, string Signature)[] OutOfRangeSignatures =
    [
        ("r = 0", new string('0', 64) + SatoshiS),
        ("s = 0", SatoshiR + new string('0', 64)),
        ("r = n", N + SatoshiS),
        ("s = n", SatoshiR + N),
        ("r = 2^256-1", new string('f', 64) + SatoshiS),
        ("s = 2^256-1", SatoshiR + new string('f', 64)),
        ("both zero", new string('0', 128)),
    ];

    private static readonly (string Case, string PublicKey)[] MalformedPublicKeys =
    [
        ("uncompressed G with Y changed (off the curve)", "04" + GeneratorX + GeneratorY[..^2] + "b9"),
        ("compressed x = 5 (no point has it)", "02" + new string('0', 63) + "5"),
        ("compressed x = p", "02" + P),
        ("uncompressed x = p", "04" + P + GeneratorY),
        ("uncompressed (0, 0)", "04" + new string('0', 128)),
        ("hybrid 0x06 encoding of G", "06" + GeneratorX + GeneratorY),
        ("hybrid 0x07 encoding of G", "07" + GeneratorX + GeneratorY),
        ("uncompressed length with prefix 0x02", "02" + GeneratorX + GeneratorY),
        ("compressed length with prefix 0x04", "04" + GeneratorX),
        ("prefix 0x05", "05" + GeneratorX + GeneratorY),
        ("prefix 0x00, 33 bytes", "00" + GeneratorX),
        ("X only", GeneratorX),
        ("X and Y without prefix", GeneratorX + GeneratorY),
        ("66 bytes", "04" + GeneratorX + GeneratorY + "00"),
        ("one byte", "04"),
        ("empty", string.Empty),
    ];

    public static TheoryData<string> Implementations => Secp256k1Implementations.All();

    public static TheoryData<string, string, string, string> SigningVectors => Secp256k1Implementations.Cross(Rfc6979Vectors);

    public static TheoryData<string, string, string, string> HighSSigningVectors => Secp256k1Implementations.Cross(HighSVectors);

    public static TheoryData<string, string, string> Accounts => Secp256k1Implementations.Cross(KnownAccounts);

    public static TheoryData<string, string, string> BadPrivateKeys => Secp256k1Implementations.Cross(InvalidPrivateKeys);

    public static TheoryData<string, string, string> BadSignatures => Secp256k1Implementations.Cross(OutOfRangeSignatures);

    public static TheoryData<string, string, string> BadPublicKeys => Secp256k1Implementations.Cross(MalformedPublicKeys);

    public static TheoryData<string, int> BadRecoveryIds => Secp256k1Implementations.Cross([-1, 4, 27, 28, int.MaxValue, int.MinValue]);

    [Theory]
    [MemberData(nameof(SigningVectors))]
    public void Sign_PublishedRfc6979Vector_GivesPublishedLowSSignature(string implementation, string privateKey, string message, string expected)
    {
        var signature = new byte[Secp256k1.SignatureSize];

        Secp256k1Implementations.Get(implementation).Sign(Sha256(message), Hex.Decode(privateKey), signature);

        Assert.Equal(expected, Hex.Encode(signature));
        Assert.True(IsLowS(signature));
    }

    [Theory]
    [MemberData(nameof(SigningVectors))]
    public void Verify_PublishedRfc6979Vector_ReturnsTrueForSignerOnly(string implementation, string privateKey, string message, string signature)
    {
        var secp = Secp256k1Implementations.Get(implementation);
        var publicKey = PublicKeyOf(secp, privateKey);
        var compressed = new byte[Secp256k1.CompressedPublicKeySize];
        Secp256k1.Compress(publicKey, compressed);

        Assert.True(secp.Verify(Sha256(message), Hex.Decode(signature), publicKey));
        Assert.True(secp.Verify(Sha256(message), Hex.Decode(signature), compressed));
        Assert.False(secp.Verify(Sha256(message + "."), Hex.Decode(signature), publicKey));
        Assert.False(secp.Verify(Sha256(message), Hex.Decode(signature), PublicKeyOf(secp, "0000000000000000000000000000000000000000000000000000000000000007")));
    }

    [Theory]
    [MemberData(nameof(SigningVectors))]
    public void TryRecover_PublishedVectorWithReturnedRecoveryId_GivesSignerKey(string implementation, string privateKey, string message, string expected)
    {
        var secp = Secp256k1Implementations.Get(implementation);
        var hash = Sha256(message);
        var signature = new byte[Secp256k1.SignatureSize];
        var recoveryId = secp.Sign(hash, Hex.Decode(privateKey), signature);
        var recovered = new byte[Secp256k1.UncompressedPublicKeySize];

        Assert.Equal(expected, Hex.Encode(signature));
        Assert.InRange(recoveryId, 0, 1);
        Assert.True(secp.TryRecover(hash, signature, recoveryId, recovered));
        Assert.Equal(PublicKeyOf(secp, privateKey), recovered);

        // The other parity names the other point with this x: a valid key, but not the signer.
        Assert.True(secp.TryRecover(hash, signature, recoveryId ^ 1, recovered));
        Assert.NotEqual(PublicKeyOf(secp, privateKey), recovered);
    }

    [Theory]
    [MemberData(nameof(HighSSigningVectors))]
    public void Verify_PublishedHighSSignature_ReturnsTrue(string implementation, string privateKey, string message, string signature)
    {
        var secp = Secp256k1Implementations.Get(implementation);
        var bytes = Hex.Decode(signature);

        Assert.False(IsLowS(bytes));
        Assert.True(secp.Verify(Sha256(message), bytes, PublicKeyOf(secp, privateKey)));
    }

    [Theory]
    [MemberData(nameof(HighSSigningVectors))]
    public void TryRecover_PublishedHighSSignature_OneParityGivesSignerKey(string implementation, string privateKey, string message, string signature)
    {
        var secp = Secp256k1Implementations.Get(implementation);
        var expected = PublicKeyOf(secp, privateKey);
        var matches = 0;
        for (var recoveryId = 0; recoveryId < 2; recoveryId++)
        {
            var recovered = new byte[Secp256k1.UncompressedPublicKeySize];
            if (secp.TryRecover(Sha256(message), Hex.Decode(signature), recoveryId, recovered) && recovered.AsSpan().SequenceEqual(expected))
            {
                matches++;
            }
        }

        Assert.Equal(1, matches);
    }

    [Theory]
    [MemberData(nameof(Accounts))]
    public void TryGetPublicKey_WellKnownPrivateKey_GivesKnownAddress(string implementation, string privateKey, string address)
    {
        var secp = Secp256k1Implementations.Get(implementation);
        var publicKey = new byte[Secp256k1.UncompressedPublicKeySize];

        Assert.True(secp.IsValidPrivateKey(Hex.Decode(privateKey)));
        Assert.True(secp.TryGetPublicKey(Hex.Decode(privateKey), publicKey));
        Assert.Equal(address, EthereumAddress.FromUncompressedPublicKey(publicKey).ToString());
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void TryGetPublicKey_One_GivesGenerator(string implementation)
    {
        var publicKey = new byte[Secp256k1.UncompressedPublicKeySize];

        Assert.True(Secp256k1Implementations.Get(implementation).TryGetPublicKey(Hex.Decode(new string('0', 63) + "1"), publicKey));
        Assert.Equal("04" + GeneratorX + GeneratorY, Hex.Encode(publicKey));
    }

    [Theory]
    [MemberData(nameof(BadPrivateKeys))]
    public void PrivateKeyOperations_InvalidScalar_RefuseWithoutCrashing(string implementation, string @case, string privateKey)
    {
        var secp = Secp256k1Implementations.Get(implementation);
        var key = Hex.Decode(privateKey);

        Assert.False(secp.IsValidPrivateKey(key), @case);
        Assert.False(secp.TryGetPublicKey(key, new byte[Secp256k1.UncompressedPublicKeySize]), @case);
        Assert.Throws<ArgumentException>(() => secp.Sign(new byte[Secp256k1.HashSize], key, new byte[Secp256k1.SignatureSize]));
    }

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public void VerifyAndRecover_ScalarOutOfRange_ReturnFalse(string implementation, string @case, string signature)
    {
        var secp = Secp256k1Implementations.Get(implementation);
        var hash = Sha256("Satoshi Nakamoto");
        var publicKey = PublicKeyOf(secp, new string('0', 63) + "1");

        Assert.False(secp.Verify(hash, Hex.Decode(signature), publicKey), @case);
        for (var recoveryId = 0; recoveryId < 4; recoveryId++)
        {
            Assert.False(secp.TryRecover(hash, Hex.Decode(signature), recoveryId, new byte[Secp256k1.UncompressedPublicKeySize]), $"{@case}, recovery id {recoveryId}");
        }
    }

    [Theory]
    [MemberData(nameof(BadRecoveryIds))]
    public void TryRecover_RecoveryIdOutsideZeroToThree_ReturnsFalse(string implementation, int recoveryId)
    {
        var secp = Secp256k1Implementations.Get(implementation);

        Assert.False(secp.TryRecover(Sha256("Satoshi Nakamoto"), Hex.Decode(SatoshiR + SatoshiS), recoveryId, new byte[Secp256k1.UncompressedPublicKeySize]));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void TryRecover_RNotTheXOfAnyPoint_ReturnsFalse(string implementation)
    {
        var secp = Secp256k1Implementations.Get(implementation);
        var signature = Hex.Decode(new string('0', 63) + "5" + SatoshiS);

        Assert.False(secp.TryRecover(Sha256("Satoshi Nakamoto"), signature, 0, new byte[Secp256k1.UncompressedPublicKeySize]));
        Assert.False(secp.TryRecover(Sha256("Satoshi Nakamoto"), signature, 1, new byte[Secp256k1.UncompressedPublicKeySize]));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void TryRecover_OverflowRecoveryIdWhenRPlusNExceedsP_ReturnsFalse(string implementation)
    {
        // Recovery ids 2 and 3 mean x = r + n, which only exists for r < p − n (about 2^128): never for this r.
        var secp = Secp256k1Implementations.Get(implementation);

        Assert.False(secp.TryRecover(Sha256("Satoshi Nakamoto"), Hex.Decode(SatoshiR + SatoshiS), 2, new byte[Secp256k1.UncompressedPublicKeySize]));
        Assert.False(secp.TryRecover(Sha256("Satoshi Nakamoto"), Hex.Decode(SatoshiR + SatoshiS), 3, new byte[Secp256k1.UncompressedPublicKeySize]));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void VerifyAndRecover_SignatureNot64Bytes_ReturnFalse(string implementation)
    {
        var secp = Secp256k1Implementations.Get(implementation);
        var hash = Sha256("Satoshi Nakamoto");
        var publicKey = PublicKeyOf(secp, new string('0', 63) + "1");
        var valid = Hex.Decode(SatoshiR + SatoshiS);

        foreach (var signature in new[] { valid[..63], [.. valid, 0], [], valid[..32] })
        {
            Assert.False(secp.Verify(hash, signature, publicKey));
            Assert.False(secp.TryRecover(hash, signature, 0, new byte[Secp256k1.UncompressedPublicKeySize]));
        }
    }

    [Theory]
    [MemberData(nameof(BadPublicKeys))]
    public void ParseAndVerify_MalformedOrOffCurvePublicKey_ReturnFalse(string implementation, string @case, string publicKey)
    {
        var secp = Secp256k1Implementations.Get(implementation);
        var encoded = Hex.Decode(publicKey);

        Assert.False(secp.TryParsePublicKey(encoded, new byte[Secp256k1.UncompressedPublicKeySize]), @case);
        Assert.False(secp.Verify(Sha256("Satoshi Nakamoto"), Hex.Decode(SatoshiR + SatoshiS), encoded), @case);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void TryParsePublicKey_CompressedGenerator_GivesUncompressedGenerator(string implementation)
    {
        var secp = Secp256k1Implementations.Get(implementation);
        var uncompressed = new byte[Secp256k1.UncompressedPublicKeySize];
        var reparsed = new byte[Secp256k1.UncompressedPublicKeySize];

        Assert.True(secp.TryParsePublicKey(Hex.Decode("02" + GeneratorX), uncompressed));
        Assert.Equal("04" + GeneratorX + GeneratorY, Hex.Encode(uncompressed));
        Assert.True(secp.TryParsePublicKey(uncompressed, reparsed));
        Assert.Equal(uncompressed, reparsed);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Operations_HashNot32Bytes_ThrowArgumentException(string implementation)
    {
        var secp = Secp256k1Implementations.Get(implementation);
        var shortHash = new byte[31];
        var publicKey = PublicKeyOf(secp, new string('0', 63) + "1");

        Assert.Throws<ArgumentException>(() => secp.Sign(shortHash, Hex.Decode(new string('0', 63) + "1"), new byte[64]));
        Assert.Throws<ArgumentException>(() => secp.Verify(shortHash, new byte[64], publicKey));
        Assert.Throws<ArgumentException>(() => secp.TryRecover(shortHash, new byte[64], 0, new byte[65]));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Operations_DestinationTooSmall_ThrowArgumentException(string implementation)
    {
        var secp = Secp256k1Implementations.Get(implementation);
        var one = Hex.Decode(new string('0', 63) + "1");

        Assert.Throws<ArgumentException>(() => secp.Sign(new byte[32], one, new byte[63]));
        Assert.Throws<ArgumentException>(() => secp.TryGetPublicKey(one, new byte[64]));
        Assert.Throws<ArgumentException>(() => secp.TryRecover(new byte[32], new byte[64], 0, new byte[33]));
        Assert.Throws<ArgumentException>(() => secp.TryParsePublicKey(Hex.Decode("02" + GeneratorX), new byte[33]));
    }

    [Fact]
    public void SignVerifyRecover_RandomKeysAndHashes_ImplementationsAgreeByteForByte()
    {
        var native = Secp256k1Implementations.Get(Secp256k1Implementations.Native);
        var managed = Secp256k1Implementations.Get(Secp256k1Implementations.Managed);
        for (var i = 0; i < 64; i++)
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var hash = RandomNumberGenerator.GetBytes(32);
            var nativeSignature = new byte[64];
            var managedSignature = new byte[64];
            var nativePublicKey = new byte[65];
            var managedPublicKey = new byte[65];

            Assert.True(native.TryGetPublicKey(key, nativePublicKey));
            Assert.True(managed.TryGetPublicKey(key, managedPublicKey));
            Assert.Equal(nativePublicKey, managedPublicKey);
            var nativeRecoveryId = native.Sign(hash, key, nativeSignature);
            var managedRecoveryId = managed.Sign(hash, key, managedSignature);
            Assert.Equal(nativeSignature, managedSignature);
            Assert.Equal(nativeRecoveryId, managedRecoveryId);
            Assert.True(IsLowS(nativeSignature));
            Assert.True(native.Verify(hash, managedSignature, nativePublicKey));
            Assert.True(managed.Verify(hash, nativeSignature, nativePublicKey));
            foreach (var secp in new[] { native, managed })
            {
                var recovered = new byte[65];
                Assert.True(secp.TryRecover(hash, nativeSignature, nativeRecoveryId, recovered));
                Assert.Equal(nativePublicKey, recovered);
            }
        }
    }

    [Fact]
    public void Compress_UncompressedGenerator_GivesEvenPrefix()
    {
        var compressed = new byte[Secp256k1.CompressedPublicKeySize];

        Secp256k1.Compress(Hex.Decode("04" + GeneratorX + GeneratorY), compressed);

        Assert.Equal("02" + GeneratorX, Hex.Encode(compressed));
        Assert.Throws<ArgumentException>(() => Secp256k1.Compress(Hex.Decode("02" + GeneratorX), new byte[33]));
    }

    [Fact]
    public void Default_WhenLibsecp256k1Installed_IsNativeUnlessManagedIsForced()
    {
        // scripts/test.sh runs this project twice: as is, and with IDENTITY_SECP256K1=managed (the fallback path).
        var forced = string.Equals(Environment.GetEnvironmentVariable(Secp256k1.ImplementationVariable), "managed", StringComparison.OrdinalIgnoreCase);
        Assert.Same(forced ? Secp256k1.Managed : Secp256k1.Native, Secp256k1.Default);
        Assert.Equal(forced ? "BouncyCastle" : "libsecp256k1", Secp256k1.Default.Name);
        Assert.Equal("BouncyCastle", Secp256k1.Managed.Name);
    }

    private static byte[] Sha256(string message) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(message));

    private static byte[] PublicKeyOf(Secp256k1 secp, string privateKey)
    {
        var publicKey = new byte[Secp256k1.UncompressedPublicKeySize];
        Assert.True(secp.TryGetPublicKey(Hex.Decode(privateKey), publicKey));
        return publicKey;
    }

    private static bool IsLowS(ReadOnlySpan<byte> signature) => signature[32..].SequenceCompareTo(Hex.Decode(HalfN)) <= 0;
}
