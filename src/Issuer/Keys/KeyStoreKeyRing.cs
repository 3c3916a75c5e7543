using System.Security.Cryptography;
using Identity.Shared.Crypto;

namespace Identity.Issuer.Keys;

/// <summary>
/// The issuer's keys read from encrypted key files at start-up (<c>Issuer:Did</c>, <c>Issuer:Keys:N:File</c>,
/// <c>…:PasswordFile</c> or <c>…:PasswordEnvironmentVariable</c>, <c>…:KeyId</c>, <c>…:Active</c>), each held as a
/// <see cref="PrivateKeySigner"/>. It owns the keys: disposing it wipes them. Misconfiguration fails at
/// <see cref="Load"/> with a message naming the setting to fix; no message or string holds key material.
/// </summary>
public sealed class KeyStoreKeyRing : IIssuerKeyRing, IDisposable
{
    private readonly List<PrivateKey> ownedKeys;

    private KeyStoreKeyRing(string issuerDid, IReadOnlyList<IssuerKey> keys, List<PrivateKey> ownedKeys)
    {
        IssuerDid = issuerDid;
        Keys = keys;
        this.ownedKeys = ownedKeys;
    }

    /// <inheritdoc />
    public string IssuerDid { get; }

    /// <inheritdoc />
    public IReadOnlyList<IssuerKey> Keys { get; }

    /// <summary>Decrypts every configured key file.</summary>
    /// <exception cref="InvalidOperationException">A setting is missing or wrong, a file is unreadable, or a password does not open its file.</exception>
    public static KeyStoreKeyRing Load(IssuerKeyRingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Did))
        {
            throw new InvalidOperationException("Issuer:Did is required: the DID the issuer signs as.");
        }

        var did = options.Did;
        var owned = new List<PrivateKey>();
        var keys = new List<IssuerKey>();
        try
        {
            for (var n = 0; n < options.Keys.Count; n++)
            {
                var key = LoadKey(options.Keys[n], $"Issuer:Keys:{n}");
                owned.Add(key);
                var file = options.Keys[n];
                var algorithm = ChooseAlgorithm(file.Algorithm, key.Type, $"Issuer:Keys:{n}");
                keys.Add(new IssuerKey(KeyIdOf(did, file.KeyId, key.Type, $"Issuer:Keys:{n}"), new PrivateKeySigner(key, algorithm), file.Active));
            }

            return new KeyStoreKeyRing(did, KeyRingSelection.Check(did, keys), owned);
        }
        catch
        {
            foreach (var key in owned)
            {
                key.Dispose();
            }

            throw;
        }
    }

    /// <inheritdoc />
    public IssuerKey ActiveKey(SignatureAlgorithm? algorithm = null) => KeyRingSelection.ActiveKey(Keys, algorithm);

    /// <summary>Wipes the keys.</summary>
    public void Dispose()
    {
        foreach (var key in ownedKeys)
        {
            key.Dispose();
        }
    }

    /// <summary>Names the DID and the number of keys only.</summary>
    public override string ToString() => $"{IssuerDid} ({Keys.Count} keys)";

    private static PrivateKey LoadKey(IssuerKeyFileOptions file, string setting)
    {
        if (string.IsNullOrWhiteSpace(file.File))
        {
            throw new InvalidOperationException($"{setting}:File is required: the path of the encrypted key file.");
        }

        string json;
        try
        {
            if (new FileInfo(file.File).Length > KeyStoreJson.MaxFileLength)
            {
                throw new InvalidOperationException($"{setting}:File ({file.File}) is larger than a key file can be.");
            }

            json = File.ReadAllText(file.File);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{setting}:File ({file.File}) cannot be read: {e.Message}", e);
        }

        var password = ReadPassword(file, setting);
        try
        {
            return KeyStoreJson.TryDecrypt(json, password, out var key, out var error)
                ? key
                : throw new InvalidOperationException($"{setting}: {KeyStoreException.Describe(error)} File: {file.File}." + (error == KeyStoreError.WrongPassword ? $" Check {setting}:PasswordFile or :PasswordEnvironmentVariable." : string.Empty));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }
    }

    /// <summary>The password's UTF-8 bytes; the caller wipes them.</summary>
    private static byte[] ReadPassword(IssuerKeyFileOptions file, string setting)
    {
        byte[] bytes;
        if (!string.IsNullOrWhiteSpace(file.PasswordFile))
        {
            try
            {
                bytes = File.ReadAllBytes(file.PasswordFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"{setting}:PasswordFile ({file.PasswordFile}) cannot be read: {e.Message}", e);
            }
        }
        else if (!string.IsNullOrWhiteSpace(file.PasswordEnvironmentVariable))
        {
            var value = Environment.GetEnvironmentVariable(file.PasswordEnvironmentVariable)
                ?? throw new InvalidOperationException($"{setting}:PasswordEnvironmentVariable names {file.PasswordEnvironmentVariable}, which is not set.");
            bytes = System.Text.Encoding.UTF8.GetBytes(value);
        }
        else
        {
            throw new InvalidOperationException($"{setting}: set PasswordFile or PasswordEnvironmentVariable.");
        }

        // Editors and `echo` end files with a line break that is not part of the password.
        var length = bytes.Length;
        if (length > 0 && bytes[length - 1] == (byte)'\n')
        {
            length--;
            if (length > 0 && bytes[length - 1] == (byte)'\r')
            {
                length--;
            }
        }

        if (length == bytes.Length)
        {
            return bytes;
        }

        var trimmed = bytes.AsSpan(0, length).ToArray();
        CryptographicOperations.ZeroMemory(bytes);
        return trimmed;
    }

    private static SignatureAlgorithm ChooseAlgorithm(string? name, KeyType type, string setting)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return type switch
            {
                KeyType.Secp256k1 => SignatureAlgorithm.ES256K,
                KeyType.Ed25519 => SignatureAlgorithm.EdDSA,
                _ => SignatureAlgorithm.ES256,
            };
        }

        return SignatureAlgorithm.TryGet(name, out var algorithm) && algorithm.KeyType == type
            ? algorithm
            : throw new InvalidOperationException($"{setting}:Algorithm '{name}' does not sign with a {type} key.");
    }

    private static string KeyIdOf(string did, string? keyId, KeyType type, string setting)
    {
        if (string.IsNullOrWhiteSpace(keyId))
        {
            return did.StartsWith("did:ethr:", StringComparison.Ordinal) && type == KeyType.Secp256k1
                ? did + "#controller"
                : throw new InvalidOperationException($"{setting}:KeyId is required (a DID URL or a #fragment of Issuer:Did).");
        }

        return keyId.StartsWith('#') ? did + keyId
            : keyId.StartsWith(did + "#", StringComparison.Ordinal) ? keyId
            : throw new InvalidOperationException($"{setting}:KeyId '{keyId}' is not a verification method of {did}: use '#fragment' or '{did}#fragment'.");
    }
}
