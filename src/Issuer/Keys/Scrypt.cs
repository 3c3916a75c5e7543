using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace Identity.Issuer.Keys;

/// <summary>
/// scrypt (RFC 7914) over the platform's PBKDF2-HMAC-SHA256. Our own because BouncyCastle enforces RFC 7914's
/// N &lt; 2^(16·r), which the Web3 Secret Storage test vector (N = 2^18, r = 1) and files written with it break;
/// geth and ethers accept them. The caller bounds N, r and p (<see cref="ScryptParameters.IsWithinBounds"/>).
/// Intermediate state is wiped.
/// </summary>
internal static class Scrypt
{
    public static byte[] DeriveKey(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int n, int r, int p, int length)
    {
        var blockBytes = 128 * r;
        var b = new byte[p * blockBytes];
        var x = new uint[32 * r];
        var y = new uint[32 * r];
        var v = new uint[n * 32 * r];
        try
        {
            Rfc2898DeriveBytes.Pbkdf2(password, salt, b, 1, HashAlgorithmName.SHA256);
            for (var i = 0; i < p; i++)
            {
                RoMix(b.AsSpan(i * blockBytes, blockBytes), n, r, x, y, v);
            }

            var result = new byte[length];
            Rfc2898DeriveBytes.Pbkdf2(password, b, result, 1, HashAlgorithmName.SHA256);
            return result;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(b);
            Array.Clear(x);
            Array.Clear(y);
            Array.Clear(v);
        }
    }

    private static void RoMix(Span<byte> block, int n, int r, uint[] x, uint[] y, uint[] v)
    {
        var words = 32 * r;
        for (var k = 0; k < words; k++)
        {
            x[k] = BinaryPrimitives.ReadUInt32LittleEndian(block[(k * 4)..]);
        }

        for (var i = 0; i < n; i++)
        {
            Array.Copy(x, 0, v, i * words, words);
            BlockMix(x, y, r);
        }

        for (var i = 0; i < n; i++)
        {
            // Integerify: the first word of the last 64-byte block, modulo N (a power of two).
            var j = (int)(x[(2 * r - 1) * 16] & (uint)(n - 1));
            var offset = j * words;
            for (var k = 0; k < words; k++)
            {
                x[k] ^= v[offset + k];
            }

            BlockMix(x, y, r);
        }

        for (var k = 0; k < words; k++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(block[(k * 4)..], x[k]);
        }
    }

    /// <summary>scryptBlockMix: Salsa20/8 over the chained 64-byte blocks, even outputs first, then odd ones.</summary>
    private static void BlockMix(uint[] b, uint[] scratch, int r)
    {
        Span<uint> t = stackalloc uint[16];
        b.AsSpan((2 * r - 1) * 16, 16).CopyTo(t);
        for (var i = 0; i < 2 * r; i++)
        {
            for (var k = 0; k < 16; k++)
            {
                t[k] ^= b[(i * 16) + k];
            }

            Salsa208(t);
            var destination = ((i & 1) == 0 ? i / 2 : r + (i / 2)) * 16;
            t.CopyTo(scratch.AsSpan(destination, 16));
        }

        Array.Copy(scratch, b, 32 * r);
        t.Clear();
    }

    private static void Salsa208(Span<uint> block)
    {
        uint x0 = block[0], x1 = block[1], x2 = block[2], x3 = block[3], x4 = block[4], x5 = block[5], x6 = block[6], x7 = block[7];
        uint x8 = block[8], x9 = block[9], x10 = block[10], x11 = block[11], x12 = block[12], x13 = block[13], x14 = block[14], x15 = block[15];
        for (var round = 0; round < 8; round += 2)
        {
            // Columns.
            x4 ^= BitOperations.RotateLeft(x0 + x12, 7);
            x8 ^= BitOperations.RotateLeft(x4 + x0, 9);
            x12 ^= BitOperations.RotateLeft(x8 + x4, 13);
            x0 ^= BitOperations.RotateLeft(x12 + x8, 18);
            x9 ^= BitOperations.RotateLeft(x5 + x1, 7);
            x13 ^= BitOperations.RotateLeft(x9 + x5, 9);
            x1 ^= BitOperations.RotateLeft(x13 + x9, 13);
            x5 ^= BitOperations.RotateLeft(x1 + x13, 18);
            x14 ^= BitOperations.RotateLeft(x10 + x6, 7);
            x2 ^= BitOperations.RotateLeft(x14 + x10, 9);
            x6 ^= BitOperations.RotateLeft(x2 + x14, 13);
            x10 ^= BitOperations.RotateLeft(x6 + x2, 18);
            x3 ^= BitOperations.RotateLeft(x15 + x11, 7);
            x7 ^= BitOperations.RotateLeft(x3 + x15, 9);
            x11 ^= BitOperations.RotateLeft(x7 + x3, 13);
            x15 ^= BitOperations.RotateLeft(x11 + x7, 18);

            // Rows.
            x1 ^= BitOperations.RotateLeft(x0 + x3, 7);
            x2 ^= BitOperations.RotateLeft(x1 + x0, 9);
            x3 ^= BitOperations.RotateLeft(x2 + x1, 13);
            x0 ^= BitOperations.RotateLeft(x3 + x2, 18);
            x6 ^= BitOperations.RotateLeft(x5 + x4, 7);
            x7 ^= BitOperations.RotateLeft(x6 + x5, 9);
            x4 ^= BitOperations.RotateLeft(x7 + x6, 13);
            x5 ^= BitOperations.RotateLeft(x4 + x7, 18);
            x11 ^= BitOperations.RotateLeft(x10 + x9, 7);
            x8 ^= BitOperations.RotateLeft(x11 + x10, 9);
            x9 ^= BitOperations.RotateLeft(x8 + x11, 13);
            x10 ^= BitOperations.RotateLeft(x9 + x8, 18);
            x12 ^= BitOperations.RotateLeft(x15 + x14, 7);
            x13 ^= BitOperations.RotateLeft(x12 + x15, 9);
            x14 ^= BitOperations.RotateLeft(x13 + x12, 13);
            x15 ^= BitOperations.RotateLeft(x14 + x13, 18);
        }

        block[0] += x0;
        block[1] += x1;
        block[2] += x2;
        block[3] += x3;
        block[4] += x4;
        block[5] += x5;
        block[6] += x6;
        block[7] += x7;
        block[8] += x8;
        block[9] += x9;
        block[10] += x10;
        block[11] += x11;
        block[12] += x12;
        block[13] += x13;
        block[14] += x14;
        block[15] += x15;
    }
}
