namespace Identity.Issuer.Keys;

/// <summary>One encrypted key file of the issuer (<c>Issuer:Keys:N:…</c>).</summary>
public sealed class IssuerKeyFileOptions
{
    /// <summary>The key file: Ethereum V3 (secp256k1) or identity-keystore-aes-gcm (Ed25519 and others).</summary>
    public string? File { get; set; }

    /// <summary>A file holding the password (a trailing line break is ignored).</summary>
    public string? PasswordFile { get; set; }

    /// <summary>The environment variable holding the password (when there is no <see cref="PasswordFile"/>).</summary>
    public string? PasswordEnvironmentVariable { get; set; }

    /// <summary>
    /// The verification method id: a DID URL, or a fragment (<c>#key-2</c>) appended to the issuer DID. For a
    /// secp256k1 key of a did:ethr issuer it defaults to <c>#controller</c>.
    /// </summary>
    public string? KeyId { get; set; }

    /// <summary>False once the key is retired: it stays listed but signs nothing new.</summary>
    public bool Active { get; set; } = true;

    /// <summary>The JOSE algorithm (default by key type: ES256K, EdDSA, ES256); <c>ES256K-R</c> is also accepted.</summary>
    public string? Algorithm { get; set; }
}
