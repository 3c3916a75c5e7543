using System.Globalization;
using System.Security.Cryptography;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;
using Numerics = System.Numerics;

namespace Identity.Shared.Tests.Crypto;

/// <summary>
/// The managed verify and recover run on their own field, point and mod-n arithmetic; libsecp256k1 is the oracle.
/// Beyond the published vectors, these reach the rare branches: a sum at infinity, a doubling met inside an
/// addition, zero and wrapped hashes, rejected signatures and every recovery id.
/// </summary>
public sealed class ManagedSecp256k1ArithmeticTests
{
    private static readonly Numerics.BigInteger N = Numerics.BigInteger.Parse("0fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static Secp256k1 Native => Secp256k1Implementations.Get(Secp256k1Implementations.Native);

    private static Secp256k1 Managed => Secp256k1Implementations.Get(Secp256k1Implementations.Managed);

    public static TheoryData<string, string> SpecialHashes => new()
    {
        { "zero (u1 = 0)", new string('0', 64) },
        { "n (reduces to zero)", "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141" },
        { "n + 1 (reduces to one)", "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142" },
        { "all ones (above n)", new string('f', 64) },
        { "one", new string('0', 63) + "1" },
    };

    public static TheoryData<string, string> SpecialKeys => new()
    {
        // d = 1 puts G itself in the key's table, so G and P meet in additions (the doubling branch).
        { "one", new string('0', 63) + "1" },
        { "two", new string('0', 63) + "2" },
        { "n - 1 (the key is -G)", "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140" },
        { "λ (the key is the endomorphism of G)", "5363ad4cc05c30e0a5261c028812645a122e22ea20816678df02967c1b23bd72" },
    };

    [Theory]
    [MemberData(nameof(SpecialHashes))]
    public void VerifyAndRecover_SpecialHash_ManagedAgreesWithNative(string @case, string hashHex)
    {
        var hash = Hex.Decode(hashHex);
        var key = RandomNumberGenerator.GetBytes(32);
        var signature = new byte[64];
        var publicKey = new byte[65];
        Assert.True(Native.TryGetPublicKey(key, publicKey), @case);
        _ = Native.Sign(hash, key, signature);

        AssertAgree(hash, signature, publicKey);
    }

    [Theory]
    [MemberData(nameof(SpecialKeys))]
    public void VerifyAndRecover_SpecialKey_ManagedAgreesWithNative(string @case, string keyHex)
    {
        var key = Hex.Decode(keyHex);
        var publicKey = new byte[65];
        Assert.True(Native.TryGetPublicKey(key, publicKey), @case);
        for (var i = 0; i < 16; i++)
        {
            var hash = RandomNumberGenerator.GetBytes(32);
            var signature = new byte[64];
            _ = Native.Sign(hash, key, signature);
            AssertAgree(hash, signature, publicKey);
        }
    }

    [Fact]
    public void VerifyAndRecover_RandomSignaturesKeysAndTampering_ManagedAgreesWithNative()
    {
        for (var i = 0; i < 200; i++)
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var hash = RandomNumberGenerator.GetBytes(32);
            var publicKey = new byte[65];
            var signature = new byte[64];
            Assert.True(Native.TryGetPublicKey(key, publicKey));
            _ = Native.Sign(hash, key, signature);

            AssertAgree(hash, signature, publicKey);

            // High S, a flipped hash bit, a flipped signature bit, random r‖s: each verdict and recovery must match.
            AssertAgree(hash, WithHighS(signature), publicKey);
            var otherHash = (byte[])hash.Clone();
            otherHash[i % 32] ^= (byte)(1 << (i % 8));
            AssertAgree(otherHash, signature, publicKey);
            var otherSignature = (byte[])signature.Clone();
            otherSignature[i % 64] ^= (byte)(1 << (i % 8));
            AssertAgree(hash, otherSignature, publicKey);
            AssertAgree(hash, RandomNumberGenerator.GetBytes(64), publicKey);
        }
    }

    [Fact]
    public void Verify_SumAtInfinity_BothReturnFalse()
    {
        // With d = −e·r⁻¹, u1·G + u2·Q = (e/s)·G − (e/s)·G = O for every s.
        var hash = RandomNumberGenerator.GetBytes(32);
        var r = RandomScalar();
        var s = RandomScalar();
        var d = Mod(-ToInteger(hash) * Numerics.BigInteger.ModPow(r, N - 2, N));
        var publicKey = new byte[65];
        Assert.True(Native.TryGetPublicKey(ToBytes(d), publicKey));
        var signature = ToBytes(r).Concat(ToBytes(s)).ToArray();

        Assert.False(Native.Verify(hash, signature, publicKey));
        Assert.False(Managed.Verify(hash, signature, publicKey));
    }

    [Fact]
    public void TryRecover_KeyAtInfinity_BothReturnFalse()
    {
        // With R = (e/s)·G, Q = r⁻¹(s·R − e·G) = O: nothing can be recovered.
        var hash = RandomNumberGenerator.GetBytes(32);
        var s = RandomScalar();
        var k = Mod(ToInteger(hash) * Numerics.BigInteger.ModPow(s, N - 2, N));
        var bigR = new byte[65];
        Assert.True(Native.TryGetPublicKey(ToBytes(k), bigR));
        var x = ToInteger(bigR.AsSpan(1, 32));
        Assert.True(x < N, "x(R) ≥ n has probability 2^-128.");
        var signature = bigR[1..33].Concat(ToBytes(s)).ToArray();
        var recoveryId = bigR[64] & 1;

        Assert.False(Native.TryRecover(hash, signature, recoveryId, new byte[65]));
        Assert.False(Managed.TryRecover(hash, signature, recoveryId, new byte[65]));
    }

    [Fact]
    public void Verify_CompressedKey_ManagedAgreesWithNative()
    {
        for (var i = 0; i < 32; i++)
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var hash = RandomNumberGenerator.GetBytes(32);
            var publicKey = new byte[65];
            var compressed = new byte[33];
            var signature = new byte[64];
            Assert.True(Native.TryGetPublicKey(key, publicKey));
            Secp256k1.Compress(publicKey, compressed);
            _ = Native.Sign(hash, key, signature);

            Assert.True(Managed.Verify(hash, signature, compressed));
            var wrongParity = (byte[])compressed.Clone();
            wrongParity[0] ^= 1;
            Assert.Equal(Native.Verify(hash, signature, wrongParity), Managed.Verify(hash, signature, wrongParity));
            Assert.False(Managed.Verify(hash, signature, wrongParity));
        }
    }

    [Fact]
    public void Verify_UncompressedKeyWithCoordinateAtOrAboveP_ReturnsFalse()
    {
        // x + p encodes the same residue as x; only the canonical encoding is a key.
        var generator = new byte[65];
        Assert.True(Native.TryGetPublicKey(Hex.Decode(new string('0', 63) + "1"), generator));
        var hash = RandomNumberGenerator.GetBytes(32);
        var signature = new byte[64];
        _ = Native.Sign(hash, Hex.Decode(new string('0', 63) + "1"), signature);
        var p = Hex.Decode("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");
        var yAtP = (byte[])generator.Clone();
        p.CopyTo(yAtP, 33);

        Assert.True(Managed.Verify(hash, signature, generator));
        Assert.False(Managed.Verify(hash, signature, yAtP));
        Assert.Equal(Native.Verify(hash, signature, yAtP), Managed.Verify(hash, signature, yAtP));
    }

    private static void AssertAgree(byte[] hash, byte[] signature, byte[] publicKey)
    {
        Assert.Equal(Native.Verify(hash, signature, publicKey), Managed.Verify(hash, signature, publicKey));
        for (var recoveryId = 0; recoveryId <= 3; recoveryId++)
        {
            var fromNative = new byte[65];
            var fromManaged = new byte[65];
            var nativeResult = Native.TryRecover(hash, signature, recoveryId, fromNative);
            var managedResult = Managed.TryRecover(hash, signature, recoveryId, fromManaged);
            Assert.Equal(nativeResult, managedResult);
            Assert.Equal(fromNative, fromManaged);
        }
    }

    private static byte[] WithHighS(byte[] signature)
    {
        var s = ToInteger(signature.AsSpan(32, 32));
        return signature[..32].Concat(ToBytes(N - s)).ToArray();
    }

    private static Numerics.BigInteger RandomScalar()
    {
        while (true)
        {
            var candidate = ToInteger(RandomNumberGenerator.GetBytes(32));
            if (candidate > 0 && candidate < N)
            {
                return candidate;
            }
        }
    }

    private static Numerics.BigInteger Mod(Numerics.BigInteger value)
    {
        var result = value % N;
        return result.Sign < 0 ? result + N : result;
    }

    private static Numerics.BigInteger ToInteger(ReadOnlySpan<byte> bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);

    private static byte[] ToBytes(Numerics.BigInteger value)
    {
        var bytes = new byte[32];
        Assert.True(value.TryWriteBytes(bytes.AsSpan(32 - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true));
        return bytes;
    }
}
