namespace Identity.Issuer.Keys;

/// <summary>An encrypted key file could not be opened; <see cref="Error"/> says why. Holds no key material.</summary>
public sealed class KeyStoreException : Exception
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    public KeyStoreException(KeyStoreError error)
        : base(Describe(error)) => Error = error;

    /// <summary>Creates an exception without a specific error (for serializers and tooling).</summary>
    public KeyStoreException()
        : this(KeyStoreError.Malformed)
    {
    }

    /// <summary>Creates an exception with a message of your own.</summary>
    public KeyStoreException(string message)
        : base(message) => Error = KeyStoreError.Malformed;

    /// <summary>Creates an exception with a message of your own and a cause.</summary>
    public KeyStoreException(string message, Exception innerException)
        : base(message, innerException) => Error = KeyStoreError.Malformed;

    /// <summary>Why the file could not be opened.</summary>
    public KeyStoreError Error { get; }

    /// <summary>The fixed description of <paramref name="error"/>.</summary>
    public static string Describe(KeyStoreError error) => error switch
    {
        KeyStoreError.None => "No error.",
        KeyStoreError.Malformed => "The key file is not a key store JSON document this issuer reads (Ethereum V3 or identity-keystore-aes-gcm).",
        KeyStoreError.UnsupportedKdf => "The key file uses a key derivation function other than scrypt or pbkdf2 (hmac-sha256).",
        KeyStoreError.UnsupportedCipher => "The key file uses a cipher other than aes-128-ctr (V3) or aes-256-gcm.",
        KeyStoreError.KdfParametersOutOfRange => "The key file's KDF parameters are outside the accepted bounds.",
        KeyStoreError.WrongPassword => "Wrong password for the key file (or the file was altered).",
        KeyStoreError.InvalidKey => "The key file decrypts to bytes that are not a valid private key.",
        KeyStoreError.KeyMismatch => "The key file's address or public key does not match its decrypted key.",
        _ => "Unknown key store error.",
    };
}
