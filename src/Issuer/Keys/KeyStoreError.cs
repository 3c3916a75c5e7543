namespace Identity.Issuer.Keys;

/// <summary>Why an encrypted key file could not be opened.</summary>
public enum KeyStoreError
{
    /// <summary>No error.</summary>
    None,

    /// <summary>Not a key store JSON document of a known shape (or a field is missing or not hex).</summary>
    Malformed,

    /// <summary>The key derivation function is neither scrypt nor PBKDF2-HMAC-SHA256.</summary>
    UnsupportedKdf,

    /// <summary>The cipher is not the one the format names (aes-128-ctr for V3, aes-256-gcm for the GCM variant).</summary>
    UnsupportedCipher,

    /// <summary>The KDF parameters are outside the accepted bounds (memory, work, lengths).</summary>
    KdfParametersOutOfRange,

    /// <summary>The password is wrong (or the file was altered): the MAC or the GCM tag does not match.</summary>
    WrongPassword,

    /// <summary>The decrypted bytes are not a valid private key.</summary>
    InvalidKey,

    /// <summary>The decrypted key does not match the address or public key the file names.</summary>
    KeyMismatch,
}
