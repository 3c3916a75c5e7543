namespace Identity.Shared.Crypto;

/// <summary>The curves a key of this product can live on.</summary>
public enum KeyType
{
    /// <summary>secp256k1 (Ethereum, ES256K).</summary>
    Secp256k1,

    /// <summary>Ed25519 (EdDSA).</summary>
    Ed25519,

    /// <summary>NIST P-256 (ES256).</summary>
    P256,
}
