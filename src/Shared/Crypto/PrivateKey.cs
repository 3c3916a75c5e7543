using System.Security.Cryptography;

namespace Identity.Shared.Crypto;

/// <summary>
/// A private key with its public key. The secret is held in one array that <see cref="Dispose"/> wipes;
/// <see cref="ToString"/> shows no key bytes. Export is explicit (<see cref="ExportRaw"/>).
/// </summary>
public sealed class PrivateKey : IDisposable
{
    private readonly byte[] secret;
    private readonly NSec.Cryptography.Key? ed25519;
    private bool disposed;

    private PrivateKey(KeyType type, byte[] secret, PublicKey publicKey, NSec.Cryptography.Key? ed25519)
    {
        Type = type;
        this.secret = secret;
        PublicKey = publicKey;
        this.ed25519 = ed25519;
    }

    /// <summary>The curve of this key.</summary>
    public KeyType Type { get; }

    /// <summary>The matching public key.</summary>
    public PublicKey PublicKey { get; }

    /// <summary>Creates a fresh key from the system's CSPRNG.</summary>
    public static PrivateKey Generate(KeyType type)
    {
        var candidate = new byte[32];
        try
        {
            while (true)
            {
                RandomNumberGenerator.Fill(candidate);
                if (TryImport(type, candidate, out var key))
                {
                    return key;
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(candidate);
        }
    }

    /// <summary>
    /// Imports a raw 32-byte secret: the scalar for secp256k1 and P-256, the seed for Ed25519.
    /// The bytes are copied; the caller keeps ownership of <paramref name="raw"/>.
    /// </summary>
    public static bool TryImport(KeyType type, ReadOnlySpan<byte> raw, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PrivateKey? key)
    {
        key = null;
        if (raw.Length != 32)
        {
            return false;
        }

        switch (type)
        {
            case KeyType.Secp256k1:
            {
                var point = new byte[Secp256k1.UncompressedPublicKeySize];
                if (!Secp256k1.Default.TryGetPublicKey(raw, point))
                {
                    return false;
                }

                key = new PrivateKey(type, raw.ToArray(), PublicKey.FromTrustedBytes(type, point), null);
                return true;
            }

            case KeyType.Ed25519:
            {
                var creation = new NSec.Cryptography.KeyCreationParameters { ExportPolicy = NSec.Cryptography.KeyExportPolicies.AllowPlaintextExport };
                if (!NSec.Cryptography.Key.TryImport(NSec.Cryptography.SignatureAlgorithm.Ed25519, raw, NSec.Cryptography.KeyBlobFormat.RawPrivateKey, out var nsecKey, in creation) || nsecKey is null)
                {
                    return false;
                }

                var publicBytes = nsecKey.PublicKey.Export(NSec.Cryptography.KeyBlobFormat.RawPublicKey);
                key = new PrivateKey(type, raw.ToArray(), PublicKey.Import(KeyType.Ed25519, publicBytes), nsecKey);
                return true;
            }

            case KeyType.P256:
            {
                try
                {
                    using var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = raw.ToArray() });
                    var parameters = ecdsa.ExportParameters(false);
                    var point = new byte[65];
                    point[0] = 0x04;
                    parameters.Q.X!.CopyTo(point, 1);
                    parameters.Q.Y!.CopyTo(point, 33);
                    key = new PrivateKey(type, raw.ToArray(), PublicKey.FromTrustedBytes(type, point), null);
                    return true;
                }
                catch (CryptographicException)
                {
                    return false;
                }
            }

            default:
                return false;
        }
    }

    /// <summary>Throwing wrapper over <see cref="TryImport"/>.</summary>
    public static PrivateKey Import(KeyType type, ReadOnlySpan<byte> raw) =>
        TryImport(type, raw, out var key) ? key : throw new FormatException($"Not a valid {type} private key.");

    /// <summary>A copy of the raw secret; the caller must wipe it (<see cref="CryptographicOperations.ZeroMemory"/>).</summary>
    public byte[] ExportRaw()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return secret.ToArray();
    }

    /// <summary>Wipes the secret.</summary>
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            CryptographicOperations.ZeroMemory(secret);
            ed25519?.Dispose();
        }
    }

    /// <summary>Names the key type only.</summary>
    public override string ToString() => $"{Type} private key";

    internal ReadOnlySpan<byte> Secret
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return secret;
        }
    }

    internal NSec.Cryptography.Key Ed25519Key
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return ed25519 ?? throw new InvalidOperationException("Not an Ed25519 key.");
        }
    }

    internal ECParameters ToP256Parameters()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var parameters = PublicKey.ToP256Parameters();
        parameters.D = secret.ToArray();
        return parameters;
    }
}
