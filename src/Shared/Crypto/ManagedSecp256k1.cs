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

    /// <summary>An element of GF(p), p = 2^256 − 2^32 − 977, as four little-endian limbs, always fully reduced.</summary>
    private struct FieldElement
    {
        // 2^256 mod p.
        private const ulong Fold = 0x1000003D1UL;

        public ulong L0;
        public ulong L1;
        public ulong L2;
        public ulong L3;

        public readonly bool IsZero => (L0 | L1 | L2 | L3) == 0;

        public readonly bool IsOdd => (L0 & 1) != 0;

        /// <summary>Reads 32 big-endian bytes; false when the value is not below p.</summary>
        public static bool TryFromBigEndian(ReadOnlySpan<byte> bytes, out FieldElement result)
        {
            result = new FieldElement
            {
                L3 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes),
                L2 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
                L1 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
                L0 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]),
            };

            // value ≥ p exactly when value + (2^256 − p) carries out of 256 bits.
            var carry = 0UL;
            _ = AddCarry(result.L0, Fold, ref carry);
            _ = AddCarry(result.L1, 0, ref carry);
            _ = AddCarry(result.L2, 0, ref carry);
            _ = AddCarry(result.L3, 0, ref carry);
            return carry == 0;
        }

        public static void FromBigEndian(ReadOnlySpan<byte> bytes, out FieldElement result)
        {
            if (!TryFromBigEndian(bytes, out result))
            {
                throw new ArgumentException("Not a field element.", nameof(bytes));
            }
        }

        public readonly void WriteBigEndian(Span<byte> destination)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination, L3);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination[8..], L2);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination[16..], L1);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination[24..], L0);
        }

        public readonly bool Equals(in FieldElement other) =>
            L0 == other.L0 && L1 == other.L1 && L2 == other.L2 && L3 == other.L3;

        public static void Add(in FieldElement a, in FieldElement b, out FieldElement r)
        {
            var carry = 0UL;
            var r0 = AddCarry(a.L0, b.L0, ref carry);
            var r1 = AddCarry(a.L1, b.L1, ref carry);
            var r2 = AddCarry(a.L2, b.L2, ref carry);
            var r3 = AddCarry(a.L3, b.L3, ref carry);
            if (carry != 0)
            {
                // a + b − 2^256 + Fold = a + b − p, below p and without further carry.
                carry = 0;
                r0 = AddCarry(r0, Fold, ref carry);
                r1 = AddCarry(r1, 0, ref carry);
                r2 = AddCarry(r2, 0, ref carry);
                r3 += carry;
                r = new FieldElement { L0 = r0, L1 = r1, L2 = r2, L3 = r3 };
                return;
            }

            Normalize(r0, r1, r2, r3, out r);
        }

        public static void Subtract(in FieldElement a, in FieldElement b, out FieldElement r)
        {
            var borrow = 0UL;
            var r0 = SubtractBorrow(a.L0, b.L0, ref borrow);
            var r1 = SubtractBorrow(a.L1, b.L1, ref borrow);
            var r2 = SubtractBorrow(a.L2, b.L2, ref borrow);
            var r3 = SubtractBorrow(a.L3, b.L3, ref borrow);
            if (borrow != 0)
            {
                // a − b + 2^256 − Fold = a − b + p.
                borrow = 0;
                r0 = SubtractBorrow(r0, Fold, ref borrow);
                r1 = SubtractBorrow(r1, 0, ref borrow);
                r2 = SubtractBorrow(r2, 0, ref borrow);
                r3 -= borrow;
            }

            r = new FieldElement { L0 = r0, L1 = r1, L2 = r2, L3 = r3 };
        }

        public static void Negate(in FieldElement a, out FieldElement r) => Subtract(default, a, out r);

        public static void Multiply(in FieldElement a, in FieldElement b, out FieldElement r)
        {
            var c = 0UL;
            var t0 = MultiplyAdd(a.L0, b.L0, 0, ref c);
            var t1 = MultiplyAdd(a.L0, b.L1, 0, ref c);
            var t2 = MultiplyAdd(a.L0, b.L2, 0, ref c);
            var t3 = MultiplyAdd(a.L0, b.L3, 0, ref c);
            var t4 = c;
            c = 0;
            t1 = MultiplyAdd(a.L1, b.L0, t1, ref c);
            t2 = MultiplyAdd(a.L1, b.L1, t2, ref c);
            t3 = MultiplyAdd(a.L1, b.L2, t3, ref c);
            t4 = MultiplyAdd(a.L1, b.L3, t4, ref c);
            var t5 = c;
            c = 0;
            t2 = MultiplyAdd(a.L2, b.L0, t2, ref c);
            t3 = MultiplyAdd(a.L2, b.L1, t3, ref c);
            t4 = MultiplyAdd(a.L2, b.L2, t4, ref c);
            t5 = MultiplyAdd(a.L2, b.L3, t5, ref c);
            var t6 = c;
            c = 0;
            t3 = MultiplyAdd(a.L3, b.L0, t3, ref c);
            t4 = MultiplyAdd(a.L3, b.L1, t4, ref c);
            t5 = MultiplyAdd(a.L3, b.L2, t5, ref c);
            t6 = MultiplyAdd(a.L3, b.L3, t6, ref c);
            var t7 = c;

            // t = high·2^256 + low ≡ high·Fold + low (mod p): fold twice, the second time a carry below 2^34.
            c = 0;
            var r0 = MultiplyAdd(t4, Fold, t0, ref c);
            var r1 = MultiplyAdd(t5, Fold, t1, ref c);
            var r2 = MultiplyAdd(t6, Fold, t2, ref c);
            var r3 = MultiplyAdd(t7, Fold, t3, ref c);
            var foldHigh = Math.BigMul(c, Fold, out var foldLow);
            var carry = 0UL;
            r0 = AddCarry(r0, foldLow, ref carry);
            r1 = AddCarry(r1, foldHigh, ref carry);
            r2 = AddCarry(r2, 0, ref carry);
            r3 = AddCarry(r3, 0, ref carry);
            if (carry != 0)
            {
                // Only when the sum wrapped, leaving a small value: one more fold cannot carry again.
                carry = 0;
                r0 = AddCarry(r0, Fold, ref carry);
                r1 = AddCarry(r1, 0, ref carry);
                r2 = AddCarry(r2, 0, ref carry);
                r3 += carry;
            }

            Normalize(r0, r1, r2, r3, out r);
        }

        public static void Square(in FieldElement a, out FieldElement r) => Multiply(a, a, out r);

        /// <summary>a^(p−2), by libsecp256k1's addition chain for p's blocks of ones (223, 22, 2, 1).</summary>
        public static void Invert(in FieldElement a, out FieldElement r)
        {
            Chain(a, out var x2, out var x22, out var t);
            SquareTimes(ref t, 23);
            Multiply(t, x22, out t);
            SquareTimes(ref t, 5);
            Multiply(t, a, out t);
            SquareTimes(ref t, 3);
            Multiply(t, x2, out t);
            SquareTimes(ref t, 2);
            Multiply(t, a, out r);
        }

        /// <summary>A square root of a (a^((p+1)/4)); false when a is not a square.</summary>
        public static bool TrySqrt(in FieldElement a, out FieldElement r)
        {
            Chain(a, out var x2, out var x22, out var t);
            SquareTimes(ref t, 23);
            Multiply(t, x22, out t);
            SquareTimes(ref t, 6);
            Multiply(t, x2, out t);
            SquareTimes(ref t, 2);
            r = t;
            Square(r, out var check);
            return check.Equals(a);
        }

        // The shared prefix of both chains: x2 = a^(2^2−1), x22 = a^(2^22−1), x223 = a^(2^223−1).
        private static void Chain(in FieldElement a, out FieldElement x2, out FieldElement x22, out FieldElement x223)
        {
            Square(a, out x2);
            Multiply(x2, a, out x2);
            Square(x2, out var x3);
            Multiply(x3, a, out x3);
            var x6 = x3;
            SquareTimes(ref x6, 3);
            Multiply(x6, x3, out x6);
            var x9 = x6;
            SquareTimes(ref x9, 3);
            Multiply(x9, x3, out x9);
            var x11 = x9;
            SquareTimes(ref x11, 2);
            Multiply(x11, x2, out x11);
            x22 = x11;
            SquareTimes(ref x22, 11);
            Multiply(x22, x11, out x22);
            var x44 = x22;
            SquareTimes(ref x44, 22);
            Multiply(x44, x22, out x44);
            var x88 = x44;
            SquareTimes(ref x88, 44);
            Multiply(x88, x44, out x88);
            var x176 = x88;
            SquareTimes(ref x176, 88);
            Multiply(x176, x88, out x176);
            var x220 = x176;
            SquareTimes(ref x220, 44);
            Multiply(x220, x44, out x220);
            x223 = x220;
            SquareTimes(ref x223, 3);
            Multiply(x223, x3, out x223);
        }

        private static void SquareTimes(ref FieldElement a, int count)
        {
            for (var i = 0; i < count; i++)
            {
                Square(a, out a);
            }
        }

        // r < 2^256 to r mod p: subtract p once when r + Fold carries out.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Normalize(ulong r0, ulong r1, ulong r2, ulong r3, out FieldElement r)
        {
            var carry = 0UL;
            var s0 = AddCarry(r0, Fold, ref carry);
            var s1 = AddCarry(r1, 0, ref carry);
            var s2 = AddCarry(r2, 0, ref carry);
            var s3 = AddCarry(r3, 0, ref carry);
            r = carry != 0
                ? new FieldElement { L0 = s0, L1 = s1, L2 = s2, L3 = s3 }
                : new FieldElement { L0 = r0, L1 = r1, L2 = r2, L3 = r3 };
        }
    }

    /// <summary>A point in affine coordinates (never infinity).</summary>
    private struct AffinePoint
    {
        public FieldElement X;
        public FieldElement Y;

        /// <summary>
        /// Decodes a SEC1 point (prefix already checked by the caller) and checks y² = x³ + 7 with both coordinates
        /// below p: the same points BouncyCastle's DecodePoint accepts on this curve of cofactor 1.
        /// </summary>
        public static bool TryDecode(ReadOnlySpan<byte> encoded, out AffinePoint point)
        {
            point = default;
            if (!FieldElement.TryFromBigEndian(encoded.Slice(1, 32), out point.X))
            {
                return false;
            }

            if (encoded.Length == UncompressedPublicKeySize)
            {
                CurveRightHandSide(point.X, out var rhs);
                if (!FieldElement.TryFromBigEndian(encoded.Slice(33, 32), out point.Y))
                {
                    return false;
                }

                FieldElement.Square(point.Y, out var ySquared);
                return ySquared.Equals(rhs);
            }

            return TryFromX(point.X, encoded[0] == 0x03, out point);
        }

        /// <summary>The point with this x and the given parity of y; false when x³ + 7 is not a square.</summary>
        public static bool TryFromX(in FieldElement x, bool odd, out AffinePoint point)
        {
            point = new AffinePoint { X = x };
            CurveRightHandSide(x, out var rhs);
            if (!FieldElement.TrySqrt(rhs, out point.Y))
            {
                return false;
            }

            if (point.Y.IsOdd != odd)
            {
                FieldElement.Negate(point.Y, out point.Y);
            }

            return true;
        }

        private static void CurveRightHandSide(in FieldElement x, out FieldElement rhs)
        {
            FieldElement.Square(x, out var x2);
            FieldElement.Multiply(x2, x, out var x3);
            FieldElement.Add(x3, new FieldElement { L0 = 7 }, out rhs);
        }
    }

    /// <summary>A point in Jacobian coordinates (x = X/Z², y = Y/Z³); formulas for a = 0, variable time.</summary>
    private struct JacobianPoint
    {
        public FieldElement X;
        public FieldElement Y;
        public FieldElement Z;
        public bool IsInfinity;

        public static JacobianPoint Infinity => new() { IsInfinity = true };

        public static JacobianPoint FromAffine(in AffinePoint p) => new() { X = p.X, Y = p.Y, Z = new FieldElement { L0 = 1 } };

        /// <summary>Whether the affine x of this (finite) point equals <paramref name="x"/>: X == x·Z².</summary>
        public readonly bool HasAffineX(in FieldElement x)
        {
            FieldElement.Square(Z, out var z2);
            FieldElement.Multiply(x, z2, out var scaled);
            return scaled.Equals(X);
        }

        public readonly void WriteUncompressed(Span<byte> destination)
        {
            FieldElement.Invert(Z, out var zInverse);
            FieldElement.Square(zInverse, out var zInverse2);
            FieldElement.Multiply(zInverse2, zInverse, out var zInverse3);
            FieldElement.Multiply(X, zInverse2, out var x);
            FieldElement.Multiply(Y, zInverse3, out var y);
            destination[0] = 0x04;
            x.WriteBigEndian(destination.Slice(1, 32));
            y.WriteBigEndian(destination.Slice(33, 32));
        }

        // dbl-2009-l. secp256k1 has no point of order 2, so Y is never zero on a finite point.
        public void Double()
        {
            if (IsInfinity)
            {
                return;
            }

            FieldElement.Square(X, out var a);
            FieldElement.Square(Y, out var b);
            FieldElement.Square(b, out var c);
            FieldElement.Multiply(Y, Z, out var yz);
            FieldElement.Add(yz, yz, out Z);
            FieldElement.Add(X, b, out var d);
            FieldElement.Square(d, out d);
            FieldElement.Subtract(d, a, out d);
            FieldElement.Subtract(d, c, out d);
            FieldElement.Add(d, d, out d);
            FieldElement.Add(a, a, out var e);
            FieldElement.Add(e, a, out e);
            FieldElement.Square(e, out var f);
            FieldElement.Add(d, d, out var twoD);
            FieldElement.Subtract(f, twoD, out X);
            FieldElement.Subtract(d, X, out var t);
            FieldElement.Multiply(e, t, out t);
            FieldElement.Add(c, c, out c);
            FieldElement.Add(c, c, out c);
            FieldElement.Add(c, c, out c);
            FieldElement.Subtract(t, c, out Y);
        }

        /// <summary>this += ±q for an affine q (Z = 1).</summary>
        public void AddAffine(in AffinePoint q, bool negate)
        {
            var qy = q.Y;
            if (negate)
            {
                FieldElement.Negate(q.Y, out qy);
            }

            if (IsInfinity)
            {
                this = new JacobianPoint { X = q.X, Y = qy, Z = new FieldElement { L0 = 1 } };
                return;
            }

            FieldElement.Square(Z, out var z1z1);
            FieldElement.Multiply(q.X, z1z1, out var u2);
            FieldElement.Multiply(Z, z1z1, out var s2);
            FieldElement.Multiply(qy, s2, out s2);
            AddCore(X, Y, u2, s2, default, hasZ2: false);
        }

        /// <summary>this += ±q for a Jacobian q.</summary>
        public void Add(in JacobianPoint q, bool negate = false)
        {
            if (q.IsInfinity)
            {
                return;
            }

            var qy = q.Y;
            if (negate)
            {
                FieldElement.Negate(q.Y, out qy);
            }

            if (IsInfinity)
            {
                this = q;
                Y = qy;
                return;
            }

            FieldElement.Square(Z, out var z1z1);
            FieldElement.Square(q.Z, out var z2z2);
            FieldElement.Multiply(X, z2z2, out var u1);
            FieldElement.Multiply(q.X, z1z1, out var u2);
            FieldElement.Multiply(q.Z, z2z2, out var s1);
            FieldElement.Multiply(Y, s1, out s1);
            FieldElement.Multiply(Z, z1z1, out var s2);
            FieldElement.Multiply(qy, s2, out s2);
            AddCore(u1, s1, u2, s2, q.Z, hasZ2: true);
        }

        // Shared tail of both additions: U1, S1 for this point and U2, S2 for the other, all scaled to Z1²Z2².
        private void AddCore(in FieldElement u1, in FieldElement s1, in FieldElement u2, in FieldElement s2, in FieldElement z2, bool hasZ2)
        {
            FieldElement.Subtract(u2, u1, out var h);
            FieldElement.Subtract(s2, s1, out var r);
            if (h.IsZero)
            {
                if (r.IsZero)
                {
                    Double();
                }
                else
                {
                    this = Infinity;
                }

                return;
            }

            FieldElement.Square(h, out var hh);
            FieldElement.Multiply(h, hh, out var hhh);
            FieldElement.Multiply(u1, hh, out var v);
            FieldElement.Square(r, out var x3);
            FieldElement.Subtract(x3, hhh, out x3);
            FieldElement.Subtract(x3, v, out x3);
            FieldElement.Subtract(x3, v, out x3);
            FieldElement.Subtract(v, x3, out var y3);
            FieldElement.Multiply(r, y3, out y3);
            FieldElement.Multiply(s1, hhh, out var t);
            FieldElement.Subtract(y3, t, out y3);
            FieldElement.Multiply(Z, h, out var z3);
            if (hasZ2)
            {
                FieldElement.Multiply(z3, z2, out z3);
            }

            X = x3;
            Y = y3;
            Z = z3;
        }
    }

    /// <summary>
    /// An integer mod n in four little-endian limbs, with Montgomery multiplication (R = 2^256) for the one
    /// inversion verify and recover need: BouncyCastle's BigInteger.ModInverse measured ≈ 80 KB and tens of µs.
    /// </summary>
    private struct Scalar
    {
        private static readonly Scalar Order = FromBigInteger(N);
        private static readonly Scalar OrderMinusTwo = FromBigInteger(N.Subtract(BigInteger.Two));
        private static readonly Scalar MontgomeryR2 = FromBigInteger(BigInteger.One.ShiftLeft(512).Mod(N));
        private static readonly Scalar PMinusOrder = FromBigInteger(Curve.Curve.Field.Characteristic.Subtract(N));
        private static readonly ulong OrderInverse = ComputeOrderInverse();

        public ulong L0;
        public ulong L1;
        public ulong L2;
        public ulong L3;

        /// <summary>Reads a signature half; false unless 0 &lt; value &lt; n.</summary>
        public static bool TryReadNonZero(ReadOnlySpan<byte> bytes, out Scalar result)
        {
            result = Read(bytes);
            return (result.L0 | result.L1 | result.L2 | result.L3) != 0 && result.IsBelow(Order);
        }

        /// <summary>The hash as an integer mod n (it is below 2^256 &lt; 2n, so one subtraction at most).</summary>
        public static void FromHash(ReadOnlySpan<byte> hash, out Scalar result)
        {
            result = Read(hash);
            if (!result.IsBelow(Order))
            {
                result = result.SubtractUnchecked(Order);
            }
        }

        public static void Negate(in Scalar a, out Scalar result) =>
            result = (a.L0 | a.L1 | a.L2 | a.L3) == 0 ? a : Order.SubtractUnchecked(a);

        /// <summary>a⁻¹·R mod n for a in [1, n): a^(n−2) by square-and-multiply on 4-bit windows, in Montgomery form.</summary>
        public static void InvertToMontgomery(in Scalar a, out Scalar result)
        {
            Span<Scalar> powers = stackalloc Scalar[16];
            MontgomeryMultiply(a, MontgomeryR2, out powers[1]);
            powers[0] = default;
            for (var i = 2; i < 16; i++)
            {
                MontgomeryMultiply(powers[i - 1], powers[1], out powers[i]);
            }

            result = default;
            var started = false;
            for (var i = 63; i >= 0; i--)
            {
                if (started)
                {
                    for (var j = 0; j < 4; j++)
                    {
                        MontgomeryMultiply(result, result, out result);
                    }
                }

                var nibble = (int)(OrderMinusTwo.Limb(i >> 4) >> ((i & 15) * 4)) & 15;
                if (nibble != 0)
                {
                    if (started)
                    {
                        MontgomeryMultiply(result, powers[nibble], out result);
                    }
                    else
                    {
                        result = powers[nibble];
                        started = true;
                    }
                }
            }
        }

        /// <summary>a·b·R⁻¹ mod n (CIOS), for a &lt; 2^256 and b &lt; n.</summary>
        public static void MontgomeryMultiply(in Scalar a, in Scalar b, out Scalar result)
        {
            ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0;
            MontgomeryStep(a.L0, b, ref t0, ref t1, ref t2, ref t3, ref t4);
            MontgomeryStep(a.L1, b, ref t0, ref t1, ref t2, ref t3, ref t4);
            MontgomeryStep(a.L2, b, ref t0, ref t1, ref t2, ref t3, ref t4);
            MontgomeryStep(a.L3, b, ref t0, ref t1, ref t2, ref t3, ref t4);
            result = new Scalar { L0 = t0, L1 = t1, L2 = t2, L3 = t3 };
            if (t4 != 0 || !result.IsBelow(Order))
            {
                result = result.SubtractUnchecked(Order);
            }
        }

        public readonly FieldElement ToFieldElement() => new() { L0 = L0, L1 = L1, L2 = L2, L3 = L3 };

        /// <summary>This value plus n as a field element, when that sum is below p (recovery ids 2 and 3).</summary>
        public readonly bool TryAddOrderBelowP(out FieldElement result)
        {
            result = default;
            if (!IsBelow(PMinusOrder))
            {
                return false;
            }

            var carry = 0UL;
            result.L0 = AddCarry(L0, Order.L0, ref carry);
            result.L1 = AddCarry(L1, Order.L1, ref carry);
            result.L2 = AddCarry(L2, Order.L2, ref carry);
            result.L3 = AddCarry(L3, Order.L3, ref carry);
            return true;
        }

        public readonly BigInteger ToBigInteger()
        {
            Span<byte> bytes = stackalloc byte[32];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, L3);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], L2);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[16..], L1);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[24..], L0);
            return new BigInteger(1, bytes);
        }

        private readonly ulong Limb(int index) => index switch
        {
            0 => L0,
            1 => L1,
            2 => L2,
            _ => L3,
        };

        private readonly bool IsBelow(in Scalar other)
        {
            if (L3 != other.L3)
            {
                return L3 < other.L3;
            }

            if (L2 != other.L2)
            {
                return L2 < other.L2;
            }

            return L1 != other.L1 ? L1 < other.L1 : L0 < other.L0;
        }

        private readonly Scalar SubtractUnchecked(in Scalar other)
        {
            var borrow = 0UL;
            return new Scalar
            {
                L0 = SubtractBorrow(L0, other.L0, ref borrow),
                L1 = SubtractBorrow(L1, other.L1, ref borrow),
                L2 = SubtractBorrow(L2, other.L2, ref borrow),
                L3 = SubtractBorrow(L3, other.L3, ref borrow),
            };
        }

        // t = (t + a_i·b + m·n) / 2^64 with m chosen so that the division is exact.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void MontgomeryStep(ulong ai, in Scalar b, ref ulong t0, ref ulong t1, ref ulong t2, ref ulong t3, ref ulong t4)
        {
            var c = 0UL;
            t0 = MultiplyAdd(ai, b.L0, t0, ref c);
            t1 = MultiplyAdd(ai, b.L1, t1, ref c);
            t2 = MultiplyAdd(ai, b.L2, t2, ref c);
            t3 = MultiplyAdd(ai, b.L3, t3, ref c);
            var k = 0UL;
            t4 = AddCarry(t4, c, ref k);
            var t5 = k;

            var m = t0 * OrderInverse;
            c = 0;
            _ = MultiplyAdd(m, Order.L0, t0, ref c);
            t0 = MultiplyAdd(m, Order.L1, t1, ref c);
            t1 = MultiplyAdd(m, Order.L2, t2, ref c);
            t2 = MultiplyAdd(m, Order.L3, t3, ref c);
            k = 0;
            t3 = AddCarry(t4, c, ref k);
            t4 = t5 + k;
        }

        private static Scalar Read(ReadOnlySpan<byte> bytes) => new()
        {
            L3 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes),
            L2 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            L1 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            L0 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]),
        };

        private static Scalar FromBigInteger(BigInteger value)
        {
            Span<byte> bytes = stackalloc byte[32];
            WriteScalar(value, bytes);
            return Read(bytes);
        }

        // −n⁻¹ mod 2^64 by Newton's iteration (each step doubles the correct low bits).
        private static ulong ComputeOrderInverse()
        {
            var n0 = FromBigInteger(N).L0;
            var inverse = n0;
            for (var i = 0; i < 6; i++)
            {
                inverse *= 2 - (n0 * inverse);
            }

            return 0 - inverse;
        }
    }
}
