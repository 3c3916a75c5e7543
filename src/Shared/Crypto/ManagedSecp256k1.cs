using System.Runtime.CompilerServices;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Endo;

namespace Identity.Shared.Crypto;

/// <summary>
/// secp256k1 on BouncyCastle's optimised curve (<see cref="CustomNamedCurves"/>, GLV endomorphism); the generic
/// <c>ECNamedCurveTable</c> curve measured 6–8× slower. Signing computes R itself so that the recovery id comes
/// for free instead of costing a trial recovery.
/// <para>
/// Verify and recover, whose inputs are all public, run their double-scalar multiplication u1·G + u2·P on the
/// variable-time arithmetic nested below instead: BouncyCastle allocates a fresh array for every field
/// multiplication (≈ 220 KB per verification), which left it at ≈ 4.7× libsecp256k1. The scalar work (mod n inverse, GLV decomposition) stays on BouncyCastle. Signing and key
/// derivation touch secrets and stay on BouncyCastle's code, which does not branch on them the way this does.
/// </para>
/// </summary>
internal sealed partial class ManagedSecp256k1 : Secp256k1
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
        if (signature.Length != SignatureSize ||
            !Scalar.TryReadNonZero(signature[..32], out var r) ||
            !Scalar.TryReadNonZero(signature.Slice(32, 32), out var s) ||
            !HasPointPrefix(publicKey) ||
            !AffinePoint.TryDecode(publicKey, out var q))
        {
            return false;
        }

        // u1 = e·s⁻¹, u2 = r·s⁻¹: with s⁻¹ in Montgomery form, one Montgomery product each lands in normal form.
        Scalar.FromHash(hash, out var e);
        Scalar.InvertToMontgomery(s, out var w);
        Scalar.MontgomeryMultiply(e, w, out var u1);
        Scalar.MontgomeryMultiply(r, w, out var u2);
        var point = MultiplyAdd(u1, q, u2);
        if (point.IsInfinity)
        {
            return false;
        }

        // x(R) mod n == r without an inversion: X == x·Z² for x = r, or for x = r + n when that is still below p.
        if (point.HasAffineX(r.ToFieldElement()))
        {
            return true;
        }

        return r.TryAddOrderBelowP(out var rPlusN) && point.HasAffineX(rPlusN);
    }

    public override bool TryRecover(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature, int recoveryId, Span<byte> uncompressedPublicKey)
    {
        CheckHash(hash);
        CheckLength(uncompressedPublicKey, UncompressedPublicKeySize, nameof(uncompressedPublicKey));
        if (recoveryId is < 0 or > 3 || signature.Length != SignatureSize ||
            !Scalar.TryReadNonZero(signature[..32], out var r) ||
            !Scalar.TryReadNonZero(signature.Slice(32, 32), out var s))
        {
            return false;
        }

        // R's x is r, or r + n for recovery ids 2 and 3 (only possible when r + n < p).
        var x = r.ToFieldElement();
        if ((recoveryId & 2) != 0 && !r.TryAddOrderBelowP(out x))
        {
            return false;
        }

        if (!AffinePoint.TryFromX(x, (recoveryId & 1) != 0, out var bigR))
        {
            return false;
        }

        // Q = r⁻¹ (s·R − e·G)
        Scalar.FromHash(hash, out var e);
        Scalar.Negate(e, out e);
        Scalar.InvertToMontgomery(r, out var rInverse);
        Scalar.MontgomeryMultiply(e, rInverse, out var u1);
        Scalar.MontgomeryMultiply(s, rInverse, out var u2);
        var q = MultiplyAdd(u1, bigR, u2);
        if (q.IsInfinity)
        {
            return false;
        }

        q.WriteUncompressed(uncompressedPublicKey);
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

    private static void WriteScalar(BigInteger value, Span<byte> destination)
    {
        destination.Clear();
        var length = value.GetLengthofByteArrayUnsigned();
        value.ToByteArrayUnsigned(destination[(32 - length)..]);
    }

    // ---- Variable-time arithmetic for verify and recover (public inputs only) ----

    // Window widths: G's odd multiples are tabulated once (2^(GWindow-2) affine points, and as many for λ·G);
    // the key's table is built per call in Jacobian coordinates, where 8 entries cost least overall.
    private const int GWindow = 10;
    private const int PointWindow = 5;

    // GLV halves are about 128 bits; 5 limbs keep the wNAF routine correct for any value below 2^256 all the same.
    private const int MaxWnafLength = 260;

    private static readonly GlvEndomorphism Endomorphism = (GlvEndomorphism)Curve.Curve.GetEndomorphism();
    private static readonly FieldElement Beta = ComputeBeta();
    private static readonly AffinePoint[] GTable = BuildGeneratorTable(lambda: false);
    private static readonly AffinePoint[] LambdaGTable = BuildGeneratorTable(lambda: true);

    /// <summary>u1·G + u2·P with both scalars in [0, n), GLV-split into four ~128-bit wNAF chains sharing their doublings.</summary>
    private static JacobianPoint MultiplyAdd(in Scalar u1, in AffinePoint p, in Scalar u2)
    {
        var g = Endomorphism.DecomposeScalar(u1.ToBigInteger());
        var k = Endomorphism.DecomposeScalar(u2.ToBigInteger());
        Span<int> digits = stackalloc int[4 * MaxWnafLength];
        var ga = digits[..MaxWnafLength];
        var gb = digits.Slice(MaxWnafLength, MaxWnafLength);
        var pa = digits.Slice(2 * MaxWnafLength, MaxWnafLength);
        var pb = digits.Slice(3 * MaxWnafLength, MaxWnafLength);
        var gaLength = Wnaf(g[0], GWindow, ga);
        var gbLength = Wnaf(g[1], GWindow, gb);
        var paLength = Wnaf(k[0], PointWindow, pa);
        var pbLength = Wnaf(k[1], PointWindow, pb);
        bool gaNegative = g[0].SignValue < 0, gbNegative = g[1].SignValue < 0;
        bool paNegative = k[0].SignValue < 0, pbNegative = k[1].SignValue < 0;

        // Odd multiples P, 3P, …, 15P, and λ·those, which only scale X by β.
        Span<JacobianPoint> table = stackalloc JacobianPoint[1 << (PointWindow - 2)];
        Span<JacobianPoint> lambdaTable = stackalloc JacobianPoint[1 << (PointWindow - 2)];
        var doubled = JacobianPoint.FromAffine(p);
        doubled.Double();
        table[0] = JacobianPoint.FromAffine(p);
        for (var i = 1; i < table.Length; i++)
        {
            table[i] = table[i - 1];
            table[i].Add(doubled);
        }

        for (var i = 0; i < table.Length; i++)
        {
            lambdaTable[i] = table[i];
            FieldElement.Multiply(table[i].X, Beta, out lambdaTable[i].X);
        }

        var result = JacobianPoint.Infinity;
        var top = Math.Max(Math.Max(gaLength, gbLength), Math.Max(paLength, pbLength));
        for (var i = top - 1; i >= 0; i--)
        {
            result.Double();
            if (i < gaLength && ga[i] != 0)
            {
                result.AddAffine(GTable[Math.Abs(ga[i]) >> 1], (ga[i] < 0) ^ gaNegative);
            }

            if (i < gbLength && gb[i] != 0)
            {
                result.AddAffine(LambdaGTable[Math.Abs(gb[i]) >> 1], (gb[i] < 0) ^ gbNegative);
            }

            if (i < paLength && pa[i] != 0)
            {
                result.Add(table[Math.Abs(pa[i]) >> 1], (pa[i] < 0) ^ paNegative);
            }

            if (i < pbLength && pb[i] != 0)
            {
                result.Add(lambdaTable[Math.Abs(pb[i]) >> 1], (pb[i] < 0) ^ pbNegative);
            }
        }

        return result;
    }

    /// <summary>Width-w NAF of |k|, least significant digit first; every non-zero digit is odd and below 2^(w-1) in size.</summary>
    private static int Wnaf(BigInteger k, int width, Span<int> digits)
    {
        Span<byte> bytes = stackalloc byte[32];
        var magnitude = k.Abs();
        var length = magnitude.GetLengthofByteArrayUnsigned();
        if (length > 32)
        {
            throw new InvalidOperationException("A GLV half exceeds 256 bits.");
        }

        magnitude.ToByteArrayUnsigned(bytes[(32 - length)..]);
        Span<ulong> limbs = stackalloc ulong[5];
        for (var i = 0; i < 4; i++)
        {
            limbs[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes.Slice(24 - (8 * i), 8));
        }

        var mask = (1UL << width) - 1;
        var half = 1 << (width - 1);
        var count = 0;
        while (limbs[0] != 0 || limbs[1] != 0 || limbs[2] != 0 || limbs[3] != 0 || limbs[4] != 0)
        {
            var digit = 0;
            if ((limbs[0] & 1) != 0)
            {
                digit = (int)(limbs[0] & mask);
                if (digit >= half)
                {
                    digit -= 1 << width;
                }

                // k -= digit: the low width bits become zero, so the next width-1 digits are zero.
                var carry = 0UL;
                if (digit > 0)
                {
                    limbs[0] = SubtractBorrow(limbs[0], (ulong)digit, ref carry);
                    for (var j = 1; j < 5; j++)
                    {
                        limbs[j] = SubtractBorrow(limbs[j], 0, ref carry);
                    }
                }
                else
                {
                    limbs[0] = AddCarry(limbs[0], (ulong)-digit, ref carry);
                    for (var j = 1; j < 5; j++)
                    {
                        limbs[j] = AddCarry(limbs[j], 0, ref carry);
                    }
                }
            }

            digits[count++] = digit;
            for (var j = 0; j < 4; j++)
            {
                limbs[j] = (limbs[j] >> 1) | (limbs[j + 1] << 63);
            }

            limbs[4] >>= 1;
        }

        return count;
    }

    private static FieldElement ComputeBeta()
    {
        // The endomorphism maps (x, y) to (β·x, y); reading β off its image of G keeps it paired with the λ
        // that DecomposeScalar uses.
        var g = Curve.G;
        var mapped = Endomorphism.PointMap.Map(g).Normalize();
        var beta = mapped.AffineXCoord.Divide(g.AffineXCoord);
        FieldElement.FromBigEndian(beta.GetEncoded(), out var result);
        return result;
    }

    private static AffinePoint[] BuildGeneratorTable(bool lambda)
    {
        var points = new ECPoint[1 << (GWindow - 2)];
        var twice = Curve.G.Twice();
        points[0] = Curve.G;
        for (var i = 1; i < points.Length; i++)
        {
            points[i] = points[i - 1].Add(twice);
        }

        Curve.Curve.NormalizeAll(points);
        var table = new AffinePoint[points.Length];
        for (var i = 0; i < points.Length; i++)
        {
            FieldElement.FromBigEndian(points[i].AffineXCoord.GetEncoded(), out table[i].X);
            FieldElement.FromBigEndian(points[i].AffineYCoord.GetEncoded(), out table[i].Y);
            if (lambda)
            {
                FieldElement.Multiply(table[i].X, Beta, out table[i].X);
            }
        }

        return table;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong AddCarry(ulong a, ulong b, ref ulong carry)
    {
        var sum = a + b;
        var carryOut = sum < a ? 1UL : 0UL;
        var result = sum + carry;
        carry = carryOut + (result < sum ? 1UL : 0UL);
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SubtractBorrow(ulong a, ulong b, ref ulong borrow)
    {
        var difference = a - b;
        var borrowOut = a < b ? 1UL : 0UL;
        var result = difference - borrow;
        borrow = borrowOut + (difference < borrow ? 1UL : 0UL);
        return result;
    }

    // a·b + t + carry, low word returned, high word left in carry; cannot overflow 128 bits.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MultiplyAdd(ulong a, ulong b, ulong t, ref ulong carry)
    {
        var high = Math.BigMul(a, b, out var low);
        low += t;
        high += low < t ? 1UL : 0UL;
        low += carry;
        high += low < carry ? 1UL : 0UL;
        carry = high;
        return low;
    }
}
