using System.Runtime.CompilerServices;
using Org.BouncyCastle.Math;

namespace Identity.Shared.Crypto;

/// <summary>Arithmetic mod n for the managed verify and recover paths.</summary>
internal sealed partial class ManagedSecp256k1
{
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
