namespace Identity.Shared.Crypto;

/// <summary>Curve points (affine and Jacobian, GLV) for the managed verify and recover paths.</summary>
internal sealed partial class ManagedSecp256k1
{
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
}
