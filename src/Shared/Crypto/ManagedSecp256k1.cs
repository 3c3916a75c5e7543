using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace Identity.Shared.Crypto;

/// <summary>
/// secp256k1 on BouncyCastle's optimised curve (<see cref="CustomNamedCurves"/>, GLV endomorphism); the generic
/// <c>ECNamedCurveTable</c> curve measured 6–8× slower. Signing computes R itself so that the recovery id comes
/// for free instead of costing a trial recovery.
/// </summary>
internal sealed class ManagedSecp256k1 : Secp256k1
{
    internal static readonly ManagedSecp256k1 Instance = new();

    private static readonly X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");
    private static readonly BigInteger N = Curve.N;
    private static readonly BigInteger HalfN = N.ShiftRight(1);

    private ManagedSecp256k1()
    {
    }

    public override string Name => "BouncyCastle";

    public override bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != PrivateKeySize)
        {
            return false;
        }

        var d = new BigInteger(1, privateKey);
        return d.SignValue > 0 && d.CompareTo(N) < 0;
    }

    public override bool TryGetPublicKey(ReadOnlySpan<byte> privateKey, Span<byte> uncompressedPublicKey)
    {
        CheckLength(uncompressedPublicKey, UncompressedPublicKeySize, nameof(uncompressedPublicKey));
        if (!IsValidPrivateKey(privateKey))
        {
            return false;
        }

        var q = Curve.G.Multiply(new BigInteger(1, privateKey)).Normalize();
        q.GetEncoded(false).CopyTo(uncompressedPublicKey);
        return true;
    }

    public override bool TryParsePublicKey(ReadOnlySpan<byte> encodedPublicKey, Span<byte> uncompressedPublicKey)
    {
        CheckLength(uncompressedPublicKey, UncompressedPublicKeySize, nameof(uncompressedPublicKey));
        if (!TryDecodePoint(encodedPublicKey, out var point))
        {
            return false;
        }

        point.GetEncoded(false).CopyTo(uncompressedPublicKey);
        return true;
    }

    public override int Sign(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> privateKey, Span<byte> signature)
    {
        CheckHash(hash);
        CheckLength(signature, SignatureSize, nameof(signature));
        if (!IsValidPrivateKey(privateKey))
        {
            throw new ArgumentException("The private key is not a valid secp256k1 scalar.", nameof(privateKey));
        }

        var d = new BigInteger(1, privateKey);
        var e = new BigInteger(1, hash);
        var hashBytes = hash.ToArray();
        var kCalculator = new HMacDsaKCalculator(new Sha256Digest());
        kCalculator.Init(N, d, hashBytes);

        // RFC 6979 yields the next candidate when r or s is zero, exactly as libsecp256k1's nonce function does.
        while (true)
        {
            var k = kCalculator.NextK();
            var point = Curve.G.Multiply(k).Normalize();
            var x = point.AffineXCoord.ToBigInteger();
            var r = x.Mod(N);
            if (r.SignValue == 0)
            {
                continue;
            }

            var s = k.ModInverse(N).Multiply(e.Add(d.Multiply(r))).Mod(N);
            if (s.SignValue == 0)
            {
                continue;
            }

            var recoveryId = (point.AffineYCoord.TestBitZero() ? 1 : 0) | (x.CompareTo(N) >= 0 ? 2 : 0);
            if (s.CompareTo(HalfN) > 0)
            {
                s = N.Subtract(s);
                recoveryId ^= 1;
            }

            WriteScalar(r, signature[..32]);
            WriteScalar(s, signature.Slice(32, 32));
            return recoveryId;
        }
    }

    public override bool Verify(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> publicKey)
    {
        CheckHash(hash);
        if (signature.Length != SignatureSize || !TryReadScalars(signature, out var r, out var s))
        {
            return false;
        }

        if (!TryDecodePoint(publicKey, out var q))
        {
            return false;
        }

        var e = new BigInteger(1, hash);
        var w = s.ModInverse(N);
        var u1 = e.Multiply(w).Mod(N);
        var u2 = r.Multiply(w).Mod(N);
        var point = ECAlgorithms.SumOfTwoMultiplies(Curve.G, u1, q, u2).Normalize();
        return !point.IsInfinity && point.AffineXCoord.ToBigInteger().Mod(N).Equals(r);
    }

    public override bool TryRecover(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature, int recoveryId, Span<byte> uncompressedPublicKey)
    {
        CheckHash(hash);
        CheckLength(uncompressedPublicKey, UncompressedPublicKeySize, nameof(uncompressedPublicKey));
        if (recoveryId is < 0 or > 3 || signature.Length != SignatureSize || !TryReadScalars(signature, out var r, out var s))
        {
            return false;
        }

        var x = (recoveryId & 2) != 0 ? r.Add(N) : r;
        if (x.CompareTo(Curve.Curve.Field.Characteristic) >= 0)
        {
            return false;
        }

        Span<byte> compressedR = stackalloc byte[CompressedPublicKeySize];
        compressedR[0] = (byte)((recoveryId & 1) == 0 ? 0x02 : 0x03);
        WriteScalar(x, compressedR[1..]);
        if (!TryDecodePoint(compressedR, out var bigR))
        {
            return false;
        }

        // Q = r⁻¹ (s·R − e·G)
        var e = new BigInteger(1, hash);
        var rInverse = r.ModInverse(N);
        var u1 = N.Subtract(e).Multiply(rInverse).Mod(N);
        var u2 = s.Multiply(rInverse).Mod(N);
        var q = ECAlgorithms.SumOfTwoMultiplies(Curve.G, u1, bigR, u2).Normalize();
        if (q.IsInfinity)
        {
            return false;
        }

        q.GetEncoded(false).CopyTo(uncompressedPublicKey);
        return true;
    }

    private static bool TryDecodePoint(ReadOnlySpan<byte> encoded, out ECPoint point)
    {
        point = Curve.Curve.Infinity;
        if (!HasPointPrefix(encoded))
        {
            return false;
        }

        try
        {
            point = Curve.Curve.DecodePoint(encoded.ToArray()).Normalize();
            return !point.IsInfinity && point.IsValid();
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool TryReadScalars(ReadOnlySpan<byte> signature, out BigInteger r, out BigInteger s)
    {
        r = new BigInteger(1, signature[..32]);
        s = new BigInteger(1, signature.Slice(32, 32));
        return r.SignValue > 0 && r.CompareTo(N) < 0 && s.SignValue > 0 && s.CompareTo(N) < 0;
    }

    private static void WriteScalar(BigInteger value, Span<byte> destination)
    {
        destination.Clear();
        var length = value.GetLengthofByteArrayUnsigned();
        value.ToByteArrayUnsigned(destination[(32 - length)..]);
    }
}
