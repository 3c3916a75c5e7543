using System.Security.Cryptography;
using Identity.Shared.Encoding;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Shared.Crypto.IdentityModel;

/// <summary>
/// One of our keys (secp256k1, Ed25519, P-256) as a Microsoft.IdentityModel <see cref="SecurityKey"/>, so that
/// <c>JsonWebTokenHandler</c> can create and validate ES256K, ES256K-R, EdDSA and ES256 tokens with it. The
/// key's <see cref="SecurityKey.CryptoProviderFactory"/> is set to one that routes these algorithms to
/// <see cref="IdentityCryptoProvider"/>; the library's own factory refuses secp256k1 and Ed25519.
/// </summary>
/// <remarks>
/// The security key borrows the <see cref="Crypto.PrivateKey"/> it wraps: the caller keeps ownership and disposes it
/// once no token needs signing any more.
/// </remarks>
public sealed class IdentitySecurityKey : AsymmetricSecurityKey
{
    /// <summary>Wraps a public key: the security key can validate tokens but not sign them.</summary>
    public IdentitySecurityKey(PublicKey publicKey, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        PublicKey = publicKey;
        KeyId = keyId;
        CryptoProviderFactory = IdentityCryptoProvider.SharedFactory;
    }

    /// <summary>Wraps a private key (borrowed, not owned): the security key can sign and validate.</summary>
    public IdentitySecurityKey(PrivateKey privateKey, string? keyId = null)
        : this((privateKey ?? throw new ArgumentNullException(nameof(privateKey))).PublicKey, keyId)
    {
        PrivateKey = privateKey;
    }

    /// <summary>The public key.</summary>
    public PublicKey PublicKey { get; }

    /// <summary>The curve of the key.</summary>
    public KeyType KeyType => PublicKey.Type;

    /// <summary>All three curves give 128-bit security with 256-bit keys.</summary>
    public override int KeySize => 256;

    /// <inheritdoc />
    [Obsolete("HasPrivateKey method is deprecated, please use PrivateKeyStatus instead.")]
    public override bool HasPrivateKey => PrivateKey is not null;

    /// <inheritdoc />
    public override PrivateKeyStatus PrivateKeyStatus => PrivateKey is null ? PrivateKeyStatus.DoesNotExist : PrivateKeyStatus.Exists;

    internal PrivateKey? PrivateKey { get; }

    /// <summary>Whether <paramref name="algorithm"/> works with this key's curve.</summary>
    public bool Supports(SignatureAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        return algorithm.KeyType == KeyType;
    }

    /// <summary>
    /// Signing credentials for <paramref name="algorithm"/>, for a <c>SecurityTokenDescriptor</c>. Throws when the
    /// key cannot sign: no private key, or a curve the algorithm does not use.
    /// </summary>
    public SigningCredentials CreateSigningCredentials(SignatureAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        if (!Supports(algorithm))
        {
            throw new ArgumentException($"{algorithm.Name} needs a {algorithm.KeyType} key, not {KeyType}.", nameof(algorithm));
        }

        if (PrivateKey is null)
        {
            throw new InvalidOperationException("This security key holds only a public key: create it from a PrivateKey to sign.");
        }

        return new SigningCredentials(this, algorithm.Name);
    }

    /// <summary>RFC 7638 thumbprints exist for every key type here (RFC 8037 §2 for OKP).</summary>
    public override bool CanComputeJwkThumbprint() => true;

    /// <summary>The RFC 7638 SHA-256 thumbprint of the public JWK (required members only, in lexicographic order).</summary>
    public override byte[] ComputeJwkThumbprint()
    {
        var bytes = PublicKey.Bytes;
        var canonical = KeyType switch
        {
            KeyType.Ed25519 => $$"""{"crv":"Ed25519","kty":"OKP","x":"{{Base64UrlStrict.Encode(bytes)}}"}""",
            KeyType.Secp256k1 => $$"""{"crv":"secp256k1","kty":"EC","x":"{{Base64UrlStrict.Encode(bytes[1..33])}}","y":"{{Base64UrlStrict.Encode(bytes[33..65])}}"}""",
            KeyType.P256 => $$"""{"crv":"P-256","kty":"EC","x":"{{Base64UrlStrict.Encode(bytes[1..33])}}","y":"{{Base64UrlStrict.Encode(bytes[33..65])}}"}""",
            _ => throw new NotSupportedException($"No JWK form for {KeyType}."),
        };
        return SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical));
    }

    /// <summary>Names the key type and id only, never key bytes.</summary>
    public override string ToString() => $"{nameof(IdentitySecurityKey)} {KeyType}, KeyId: '{KeyId}', {PrivateKeyStatus}";
}
