using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Issuer.Keys;

/// <summary>
/// Password-encrypted key files. Two shapes are read and written:
/// <list type="bullet">
/// <item>Ethereum's Web3 Secret Storage V3 for secp256k1 keys, as geth and ethers write it: scrypt (or
/// PBKDF2-HMAC-SHA256 on read), aes-128-ctr with the first 16 bytes of the derived key, and
/// <c>mac = keccak256(derivedKey[16..32] ‖ ciphertext)</c>.</item>
/// <item><c>identity-keystore-aes-gcm</c> version 1 for any key type (Ed25519 in practice): scrypt, then
/// AES-256-GCM with the whole 32-byte derived key, a 12-byte nonce, a 16-byte tag and the associated data
/// <c>"identity-keystore-aes-gcm/1:" + keyType + ":" + publicKey</c> (UTF-8), which binds the key type and
/// public key written next to the ciphertext. All byte strings are lower-case hex without 0x:
/// <code>
/// {
///   "format": "identity-keystore-aes-gcm", "version": 1, "id": "&lt;uuid&gt;",
///   "keyType": "Ed25519",                      // a KeyType name: Secp256k1, Ed25519, P256
///   "publicKey": "&lt;hex of PublicKey.Bytes&gt;",
///   "crypto": {
///     "kdf": "scrypt", "kdfparams": { "dklen": 32, "n": 131072, "p": 1, "r": 8, "salt": "&lt;32 bytes&gt;" },
///     "cipher": "aes-256-gcm", "cipherparams": { "nonce": "&lt;12 bytes&gt;" },
///     "ciphertext": "&lt;32 bytes: the raw private key (Ed25519 seed)&gt;", "tag": "&lt;16 bytes&gt;"
///   }
/// }
/// </code></item>
/// </list>
/// The password is the UTF-8 bytes as given (ethers applies NFKC first, which changes nothing for ASCII or
/// already normalised text). Derived keys and plaintexts are wiped after use.
/// </summary>
public static class KeyStoreJson
{
    /// <summary>The <c>format</c> of the GCM variant.</summary>
    public const string GcmFormat = "identity-keystore-aes-gcm";

    /// <summary>The largest key file read (real ones are under 1 KB).</summary>
    public const int MaxFileLength = 64 * 1024;

    private const int MaxPbkdf2Iterations = 10_000_000;
    private const int DerivedKeyLength = 32;

    /// <summary>
    /// Decrypts a key file. False with <paramref name="error"/> on bad JSON, unsupported parameters or a wrong
    /// password; never throws for bad input. The caller owns (and disposes) the key.
    /// </summary>
    public static bool TryDecrypt(string json, ReadOnlySpan<byte> password, [NotNullWhen(true)] out PrivateKey? key, out KeyStoreError error)
    {
        key = null;
        if (string.IsNullOrEmpty(json) || json.Length > MaxFileLength)
        {
            error = KeyStoreError.Malformed;
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = KeyStoreError.Malformed;
                return false;
            }

            if (root.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String)
            {
                error = string.Equals(format.GetString(), GcmFormat, StringComparison.Ordinal)
                    ? DecryptGcm(root, password, out key)
                    : KeyStoreError.Malformed;
            }
            else
            {
                error = DecryptV3(root, password, out key);
            }

            return error == KeyStoreError.None;
        }
        catch (JsonException)
        {
            error = KeyStoreError.Malformed;
            return false;
        }
        catch (InvalidOperationException)
        {
            // A JSON value of the wrong kind where a number or string was expected.
            error = KeyStoreError.Malformed;
            return false;
        }
        catch (FormatException)
        {
            error = KeyStoreError.Malformed;
            return false;
        }
        catch (KeyNotFoundException)
        {
            // A required member is missing.
            error = KeyStoreError.Malformed;
            return false;
        }
    }

    /// <summary>Throwing wrapper over <see cref="TryDecrypt"/>.</summary>
    /// <exception cref="KeyStoreException">The file cannot be opened with this password; its <see cref="KeyStoreException.Error"/> says why.</exception>
    public static PrivateKey Decrypt(string json, ReadOnlySpan<byte> password) =>
        TryDecrypt(json, password, out var key, out var error) ? key : throw new KeyStoreException(error);

    /// <summary>Writes a secp256k1 key as a V3 key file (scrypt, aes-128-ctr) that geth and ethers open.</summary>
    public static string EncryptV3(PrivateKey key, ReadOnlySpan<byte> password, ScryptParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Type != KeyType.Secp256k1)
        {
            throw new ArgumentException("The V3 key file holds secp256k1 keys; use EncryptAesGcm for other key types.", nameof(key));
        }

        parameters = CheckParameters(parameters);
        var salt = RandomNumberGenerator.GetBytes(32);
        var iv = RandomNumberGenerator.GetBytes(16);
        var secret = key.ExportRaw();
        var derived = Scrypt(password, salt, parameters, DerivedKeyLength);
        var ciphertext = new byte[secret.Length];
        try
        {
            AesCtr(derived.AsSpan(0, 16), iv, secret, ciphertext);
            var mac = V3Mac(derived, ciphertext);
            return Write(writer =>
            {
                writer.WriteString("address", Hex.Encode(key.PublicKey.ToEthereumAddress().Bytes));
                writer.WriteStartObject("crypto");
                writer.WriteString("cipher", "aes-128-ctr");
                writer.WriteStartObject("cipherparams");
                writer.WriteString("iv", Hex.Encode(iv));
                writer.WriteEndObject();
                writer.WriteString("ciphertext", Hex.Encode(ciphertext));
                WriteScrypt(writer, parameters, salt);
                writer.WriteString("mac", Hex.Encode(mac));
                writer.WriteEndObject();
                writer.WriteString("id", Guid.NewGuid().ToString());
                writer.WriteNumber("version", 3);
            });
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
            CryptographicOperations.ZeroMemory(derived);
        }
    }

    /// <summary>Writes any key (Ed25519 in practice) as an <c>identity-keystore-aes-gcm</c> file.</summary>
    public static string EncryptAesGcm(PrivateKey key, ReadOnlySpan<byte> password, ScryptParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        parameters = CheckParameters(parameters);
        var salt = RandomNumberGenerator.GetBytes(32);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var publicKey = Hex.Encode(key.PublicKey.Bytes);
        var secret = key.ExportRaw();
        var derived = Scrypt(password, salt, parameters, DerivedKeyLength);
        var ciphertext = new byte[secret.Length];
        var tag = new byte[16];
        try
        {
            using (var gcm = new AesGcm(derived, tag.Length))
            {
                gcm.Encrypt(nonce, secret, ciphertext, tag, GcmAssociatedData(key.Type, publicKey));
            }

            return Write(writer =>
            {
                writer.WriteString("format", GcmFormat);
                writer.WriteNumber("version", 1);
                writer.WriteString("id", Guid.NewGuid().ToString());
                writer.WriteString("keyType", key.Type.ToString());
                writer.WriteString("publicKey", publicKey);
                writer.WriteStartObject("crypto");
                WriteScrypt(writer, parameters, salt);
                writer.WriteString("cipher", "aes-256-gcm");
                writer.WriteStartObject("cipherparams");
                writer.WriteString("nonce", Hex.Encode(nonce));
                writer.WriteEndObject();
                writer.WriteString("ciphertext", Hex.Encode(ciphertext));
                writer.WriteString("tag", Hex.Encode(tag));
                writer.WriteEndObject();
            });
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
            CryptographicOperations.ZeroMemory(derived);
        }
    }

    private static ScryptParameters CheckParameters(ScryptParameters? parameters)
    {
        parameters ??= ScryptParameters.Default;
        return parameters.IsWithinBounds
            ? parameters
            : throw new ArgumentException("The scrypt parameters are outside the bounds this issuer reads back.", nameof(parameters));
    }

    private static KeyStoreError DecryptV3(JsonElement root, ReadOnlySpan<byte> password, out PrivateKey? key)
    {
        key = null;
        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != 3)
        {
            return KeyStoreError.Malformed;
        }

        // geth wrote "Crypto" in early versions; both spellings are in the wild.
        if (!(root.TryGetProperty("crypto", out var crypto) || root.TryGetProperty("Crypto", out crypto)) || crypto.ValueKind != JsonValueKind.Object)
        {
            return KeyStoreError.Malformed;
        }

        if (!string.Equals(Text(crypto, "cipher"), "aes-128-ctr", StringComparison.Ordinal))
        {
            return KeyStoreError.UnsupportedCipher;
        }

        if (!TryHex(Text(crypto.GetProperty("cipherparams"), "iv"), out var iv) || iv.Length != 16
            || !TryHex(Text(crypto, "ciphertext"), out var ciphertext) || ciphertext.Length != 32
            || !TryHex(Text(crypto, "mac"), out var mac) || mac.Length != 32)
        {
            return KeyStoreError.Malformed;
        }

        var kdfError = Derive(crypto, password, out var derived);
        if (kdfError != KeyStoreError.None)
        {
            return kdfError;
        }

        var plaintext = new byte[ciphertext.Length];
        try
        {
            if (!CryptographicOperations.FixedTimeEquals(V3Mac(derived, ciphertext), mac))
            {
                return KeyStoreError.WrongPassword;
            }

            AesCtr(derived.AsSpan(0, 16), iv, ciphertext, plaintext);
            if (!PrivateKey.TryImport(KeyType.Secp256k1, plaintext, out key))
            {
                return KeyStoreError.InvalidKey;
            }

            if (root.TryGetProperty("address", out var address) && address.ValueKind == JsonValueKind.String)
            {
                if (!TryHex(address.GetString(), out var named) || !named.AsSpan().SequenceEqual(key.PublicKey.ToEthereumAddress().Bytes))
                {
                    key.Dispose();
                    key = null;
                    return KeyStoreError.KeyMismatch;
                }
            }

            return KeyStoreError.None;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static KeyStoreError DecryptGcm(JsonElement root, ReadOnlySpan<byte> password, out PrivateKey? key)
    {
        key = null;
        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != 1
            || !Enum.TryParse<KeyType>(Text(root, "keyType"), ignoreCase: false, out var keyType) || !Enum.IsDefined(keyType)
            || Text(root, "publicKey") is not { } publicKeyHex || !TryHex(publicKeyHex, out var publicKey)
            || !root.TryGetProperty("crypto", out var crypto) || crypto.ValueKind != JsonValueKind.Object)
        {
            return KeyStoreError.Malformed;
        }

        if (!string.Equals(Text(crypto, "cipher"), "aes-256-gcm", StringComparison.Ordinal))
        {
            return KeyStoreError.UnsupportedCipher;
        }

        if (!TryHex(Text(crypto.GetProperty("cipherparams"), "nonce"), out var nonce) || nonce.Length != 12
            || !TryHex(Text(crypto, "ciphertext"), out var ciphertext) || ciphertext.Length != 32
            || !TryHex(Text(crypto, "tag"), out var tag) || tag.Length != 16)
        {
            return KeyStoreError.Malformed;
        }

        var kdfError = Derive(crypto, password, out var derived);
        if (kdfError != KeyStoreError.None)
        {
            return kdfError;
        }

        var plaintext = new byte[ciphertext.Length];
        try
        {
            using (var gcm = new AesGcm(derived, tag.Length))
            {
                try
                {
                    gcm.Decrypt(nonce, ciphertext, tag, plaintext, GcmAssociatedData(keyType, publicKeyHex));
                }
                catch (AuthenticationTagMismatchException)
                {
                    return KeyStoreError.WrongPassword;
                }
            }

            if (!PrivateKey.TryImport(keyType, plaintext, out key))
            {
                return KeyStoreError.InvalidKey;
            }

            if (!key.PublicKey.Bytes.SequenceEqual(publicKey))
            {
                key.Dispose();
                key = null;
                return KeyStoreError.KeyMismatch;
            }

            return KeyStoreError.None;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Runs the file's KDF into a 32-byte key, within the bounds; the caller wipes <paramref name="derived"/>.</summary>
    private static KeyStoreError Derive(JsonElement crypto, ReadOnlySpan<byte> password, out byte[] derived)
    {
        derived = [];
        if (!crypto.TryGetProperty("kdfparams", out var parameters) || parameters.ValueKind != JsonValueKind.Object)
        {
            return KeyStoreError.Malformed;
        }

        if (!TryHex(Text(parameters, "salt"), out var salt) || !parameters.TryGetProperty("dklen", out var dklen))
        {
            return KeyStoreError.Malformed;
        }

        if (dklen.GetInt32() != DerivedKeyLength || salt.Length is < 8 or > 128)
        {
            return KeyStoreError.KdfParametersOutOfRange;
        }

        switch (Text(crypto, "kdf"))
        {
            case "scrypt":
            {
                var scrypt = new ScryptParameters(parameters.GetProperty("n").GetInt32(), parameters.GetProperty("r").GetInt32(), parameters.GetProperty("p").GetInt32());
                if (!scrypt.IsWithinBounds)
                {
                    return KeyStoreError.KdfParametersOutOfRange;
                }

                derived = Scrypt(password, salt, scrypt, DerivedKeyLength);
                return KeyStoreError.None;
            }

            case "pbkdf2":
            {
                if (!string.Equals(Text(parameters, "prf"), "hmac-sha256", StringComparison.Ordinal))
                {
                    return KeyStoreError.UnsupportedKdf;
                }

                var iterations = parameters.GetProperty("c").GetInt32();
                if (iterations is < 1 or > MaxPbkdf2Iterations)
                {
                    return KeyStoreError.KdfParametersOutOfRange;
                }

                derived = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, DerivedKeyLength);
                return KeyStoreError.None;
            }

            default:
                return KeyStoreError.UnsupportedKdf;
        }
    }

    private static byte[] Scrypt(ReadOnlySpan<byte> password, byte[] salt, ScryptParameters parameters, int length)
    {
        var passwordCopy = password.ToArray();
        try
        {
            return Org.BouncyCastle.Crypto.Generators.SCrypt.Generate(passwordCopy, salt, parameters.N, parameters.R, parameters.P, length);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordCopy);
        }
    }

    private static byte[] V3Mac(byte[] derived, byte[] ciphertext)
    {
        var input = new byte[16 + ciphertext.Length];
        try
        {
            derived.AsSpan(16, 16).CopyTo(input);
            ciphertext.CopyTo(input, 16);
            return Keccak256.Hash(input);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
        }
    }

    /// <summary>AES-128 in counter mode with the IV as a 128-bit big-endian counter, as geth and ethers use it.</summary>
    private static void AesCtr(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, Span<byte> output)
    {
        using var aes = Aes.Create();
        var keyCopy = key.ToArray();
        aes.Key = keyCopy;
        CryptographicOperations.ZeroMemory(keyCopy);
        Span<byte> counter = stackalloc byte[16];
        Span<byte> stream = stackalloc byte[16];
        iv.CopyTo(counter);
        for (var offset = 0; offset < input.Length; offset += 16)
        {
            aes.EncryptEcb(counter, stream, PaddingMode.None);
            var count = Math.Min(16, input.Length - offset);
            for (var i = 0; i < count; i++)
            {
                output[offset + i] = (byte)(input[offset + i] ^ stream[i]);
            }

            for (var i = 15; i >= 0 && ++counter[i] == 0; i--)
            {
            }
        }

        CryptographicOperations.ZeroMemory(stream);
    }

    private static byte[] GcmAssociatedData(KeyType keyType, string publicKeyHex) =>
        System.Text.Encoding.UTF8.GetBytes($"{GcmFormat}/1:{keyType}:{publicKeyHex.ToLowerInvariant()}");

    private static void WriteScrypt(Utf8JsonWriter writer, ScryptParameters parameters, byte[] salt)
    {
        writer.WriteString("kdf", "scrypt");
        writer.WriteStartObject("kdfparams");
        writer.WriteNumber("dklen", DerivedKeyLength);
        writer.WriteNumber("n", parameters.N);
        writer.WriteNumber("p", parameters.P);
        writer.WriteNumber("r", parameters.R);
        writer.WriteString("salt", Hex.Encode(salt));
        writer.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool TryHex(string? text, out byte[] bytes)
    {
        bytes = [];
        return text is not null && Hex.TryDecode(text, out bytes);
    }
}
