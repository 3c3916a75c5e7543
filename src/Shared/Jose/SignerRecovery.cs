using System.Security.Cryptography;
using Identity.Shared.Crypto;

namespace Identity.Shared.Jose;

/// <summary>
/// The secp256k1 keys a JWS signature recovers to, computed lazily: each recovery id at most once, and only when a
/// caller asks about it. One instance serves every comparison made against one token (many verification methods,
/// an address and a key…), so matching never recovers twice what one recovery answers.
/// </summary>
/// <remarks>
/// Safe to share between threads: a result slot holds either nothing, <see cref="NotRecoverable"/> or a
/// <see cref="Recovered"/>, each published with one reference write, so a racing reader recovers again at worst and
/// never sees half a result.
/// </remarks>
internal sealed class SignerRecovery
{
    private static readonly object NotRecoverable = new();

    private readonly byte[] signature;
    private readonly byte[] hash;
    private readonly object?[] results = new object?[2];

    public SignerRecovery(ReadOnlySpan<byte> signingInput, byte[] signature, Secp256k1 curve)
    {
        this.signature = signature;
        Curve = curve;
        hash = SHA256.HashData(signingInput);
    }

    /// <summary>The implementation the recoveries run on.</summary>
    public Secp256k1 Curve { get; }

    /// <summary>The key of <paramref name="recoveryId"/> (0 or 1), or null when the signature recovers to no key with it.</summary>
    public Recovered? Get(int recoveryId)
    {
        var result = Volatile.Read(ref results[recoveryId]);
        if (result is null)
        {
            var publicKey = new byte[Secp256k1.UncompressedPublicKeySize];

            // A recovered key is a point on the curve by construction (both implementations return only such points),
            // so it is wrapped as it is rather than parsed and checked again.
            result = Curve.TryRecover(hash, signature.AsSpan(0, Secp256k1.SignatureSize), recoveryId, publicKey)
                ? new Recovered(PublicKey.FromTrustedBytes(KeyType.Secp256k1, publicKey))
                : NotRecoverable;
            Volatile.Write(ref results[recoveryId], result);
        }

        return result as Recovered;
    }

    /// <summary>A recovered key with its Ethereum address, hashed on first use.</summary>
    internal sealed class Recovered(PublicKey key)
    {
        private byte[]? address;

        public PublicKey Key { get; } = key;

        public bool HasAddress(EthereumAddress candidate)
        {
            var bytes = Volatile.Read(ref address);
            if (bytes is null)
            {
                bytes = Key.ToEthereumAddress().Bytes.ToArray();
                Volatile.Write(ref address, bytes);
            }

            return candidate.Bytes.SequenceEqual(bytes);
        }
    }
}
