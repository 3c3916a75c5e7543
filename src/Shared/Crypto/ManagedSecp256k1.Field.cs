using System.Runtime.CompilerServices;

namespace Identity.Shared.Crypto;

/// <summary>Arithmetic in GF(p) for the managed verify and recover paths.</summary>
internal sealed partial class ManagedSecp256k1
{
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
}
