using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Issuer.Keys;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;
using Identity.TestSupport;

namespace Identity.Issuer.Tests.Keys;

public sealed class KeyStoreJsonTests
{
    /// <summary>The private key of the Web3 Secret Storage Definition's test vectors.</summary>
    private const string VectorKey = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";

    private const string VectorAddress = "008aeeda4d805471df9b2a5b0f38a0c3bcba786b";

    /// <summary>The scrypt vector of the Web3 Secret Storage Definition (ethereum wiki), password "testpassword".</summary>
    private const string ScryptVector = """
        {
          "crypto": {
            "cipher": "aes-128-ctr",
            "cipherparams": { "iv": "83dbcc02d8ccb40e466191a123791e0e" },
            "ciphertext": "d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c",
            "kdf": "scrypt",
            "kdfparams": { "dklen": 32, "n": 262144, "p": 8, "r": 1, "salt": "ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19" },
            "mac": "2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"
          },
          "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6",
          "version": 3
        }
        """;

    /// <summary>The PBKDF2 vector of the same page.</summary>
    private const string Pbkdf2Vector = """
        {
          "crypto": {
            "cipher": "aes-128-ctr",
            "cipherparams": { "iv": "6087dab2f9fdbbfaddc31a909735c1e6" },
            "ciphertext": "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
            "kdf": "pbkdf2",
            "kdfparams": { "c": 262144, "dklen": 32, "prf": "hmac-sha256", "salt": "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd" },
            "mac": "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"
          },
          "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6",
          "version": 3
        }
        """;

    private static readonly ScryptParameters Fast = new(1024, 8, 1);

    private static byte[] Password(string text) => Encoding.UTF8.GetBytes(text);

    [Theory]
    [InlineData(ScryptVector)]
    [InlineData(Pbkdf2Vector)]
    public void TryDecrypt_Web3SecretStorageVector_VectorKey(string json)
    {
        Assert.True(KeyStoreJson.TryDecrypt(json, Password("testpassword"), out var key, out var error), error.ToString());
        using (key)
        {
            Assert.Equal(VectorKey, Hex.Encode(key.ExportRaw()));
            Assert.Equal(VectorAddress, Hex.Encode(key.PublicKey.ToEthereumAddress().Bytes));
        }
    }

    [Fact]
    public void TryDecrypt_WrongPassword_WrongPasswordError()
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);
        var json = KeyStoreJson.EncryptV3(key, Password("right"), Fast);

        Assert.False(KeyStoreJson.TryDecrypt(json, Password("wrong"), out var opened, out var error));
        Assert.Null(opened);
        Assert.Equal(KeyStoreError.WrongPassword, error);
        var exception = Assert.Throws<KeyStoreException>(() => KeyStoreJson.Decrypt(json, Password("wrong")));
        Assert.Equal(KeyStoreError.WrongPassword, exception.Error);
        Assert.StartsWith("Wrong password", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EncryptV3_ThenTryDecrypt_SameKey()
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);

        var json = KeyStoreJson.EncryptV3(key, Password("pässwörd"), Fast);

        using var opened = KeyStoreJson.Decrypt(json, Password("pässwörd"));
        Assert.Equal(key.ExportRaw(), opened.ExportRaw());
        var document = JsonNode.Parse(json)!;
        Assert.Equal(3, (int)document["version"]!);
        Assert.Equal(Hex.Encode(key.PublicKey.ToEthereumAddress().Bytes), (string)document["address"]!);
        Assert.DoesNotContain(Hex.Encode(key.ExportRaw()), json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EncryptV3_EthersFromEncryptedJson_SameKeyAndAddress()
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);
        var json = KeyStoreJson.EncryptV3(key, Password("interop password"), Fast);

        var answer = JsonNode.Parse(await NodeScript.RunAsync("keystore-interop.mjs", new JsonObject { ["op"] = "decrypt", ["json"] = json, ["password"] = "interop password" }.ToJsonString()))!;

        Assert.Equal(Hex.EncodePrefixed(key.ExportRaw()), (string)answer["privateKey"]!);
        Assert.Equal(key.PublicKey.ToEthereumAddress().ToLowerHex(), ((string)answer["address"]!).ToLowerInvariant());
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(0)]
    public async Task TryDecrypt_EthersEncrypt_SameKey(int n)
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);
        var request = new JsonObject { ["op"] = "encrypt", ["privateKey"] = Hex.EncodePrefixed(key.ExportRaw()), ["password"] = "from ethers" };
        if (n > 0)
        {
            request["n"] = n;
        }

        var json = await NodeScript.RunAsync("keystore-interop.mjs", request.ToJsonString());

        using var opened = KeyStoreJson.Decrypt(json, Password("from ethers"));
        Assert.Equal(key.ExportRaw(), opened.ExportRaw());
        Assert.False(KeyStoreJson.TryDecrypt(json, Password("From ethers"), out _, out var error));
        Assert.Equal(KeyStoreError.WrongPassword, error);
    }

    [Theory]
    [InlineData(KeyType.Ed25519)]
    [InlineData(KeyType.Secp256k1)]
    [InlineData(KeyType.P256)]
    public void EncryptAesGcm_ThenTryDecrypt_SameKey(KeyType type)
    {
        using var key = PrivateKey.Generate(type);

        var json = KeyStoreJson.EncryptAesGcm(key, Password("gcm"), Fast);

        using var opened = KeyStoreJson.Decrypt(json, Password("gcm"));
        Assert.Equal(type, opened.Type);
        Assert.Equal(key.ExportRaw(), opened.ExportRaw());
        Assert.Equal(KeyStoreJson.GcmFormat, (string)JsonNode.Parse(json)!["format"]!);
    }

    [Fact]
    public void TryDecrypt_GcmWrongPassword_WrongPasswordError()
    {
        using var key = PrivateKey.Generate(KeyType.Ed25519);
        var json = KeyStoreJson.EncryptAesGcm(key, Password("gcm"), Fast);

        Assert.False(KeyStoreJson.TryDecrypt(json, Password("gcm "), out _, out var error));
        Assert.Equal(KeyStoreError.WrongPassword, error);
    }

    [Fact]
    public void TryDecrypt_GcmPublicKeySwapped_Refused()
    {
        using var key = PrivateKey.Generate(KeyType.Ed25519);
        using var other = PrivateKey.Generate(KeyType.Ed25519);
        var document = JsonNode.Parse(KeyStoreJson.EncryptAesGcm(key, Password("gcm"), Fast))!;
        document["publicKey"] = Hex.Encode(other.PublicKey.Bytes);

        // The public key is associated data: changing it breaks the tag.
        Assert.False(KeyStoreJson.TryDecrypt(document.ToJsonString(), Password("gcm"), out _, out var error));
        Assert.Equal(KeyStoreError.WrongPassword, error);
    }

    [Fact]
    public void TryDecrypt_AddressOfAnotherKey_KeyMismatch()
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);
        var document = JsonNode.Parse(KeyStoreJson.EncryptV3(key, Password("pw"), Fast))!;
        document["address"] = VectorAddress;

        Assert.False(KeyStoreJson.TryDecrypt(document.ToJsonString(), Password("pw"), out _, out var error));
        Assert.Equal(KeyStoreError.KeyMismatch, error);
    }

    public static TheoryData<string, string, KeyStoreError> BadFiles => new()
    {
        { "empty", string.Empty, KeyStoreError.Malformed },
        { "not json", "keystore", KeyStoreError.Malformed },
        { "array", "[]", KeyStoreError.Malformed },
        { "empty object", "{}", KeyStoreError.Malformed },
        { "version 4", ScryptVector.Replace("\"version\": 3", "\"version\": 4", StringComparison.Ordinal), KeyStoreError.Malformed },
        { "version as text", ScryptVector.Replace("\"version\": 3", "\"version\": \"3\"", StringComparison.Ordinal), KeyStoreError.Malformed },
        { "cbc cipher", ScryptVector.Replace("aes-128-ctr", "aes-128-cbc", StringComparison.Ordinal), KeyStoreError.UnsupportedCipher },
        { "argon2", ScryptVector.Replace("\"kdf\": \"scrypt\"", "\"kdf\": \"argon2\"", StringComparison.Ordinal), KeyStoreError.UnsupportedKdf },
        { "huge n", ScryptVector.Replace("\"n\": 262144", "\"n\": 1073741824", StringComparison.Ordinal), KeyStoreError.KdfParametersOutOfRange },
        { "n not a power of two", ScryptVector.Replace("\"n\": 262144", "\"n\": 262143", StringComparison.Ordinal), KeyStoreError.KdfParametersOutOfRange },
        { "huge p", ScryptVector.Replace("\"p\": 8", "\"p\": 100000", StringComparison.Ordinal), KeyStoreError.KdfParametersOutOfRange },
        { "dklen 16", ScryptVector.Replace("\"dklen\": 32", "\"dklen\": 16", StringComparison.Ordinal), KeyStoreError.KdfParametersOutOfRange },
        { "n missing", ScryptVector.Replace("\"n\": 262144,", string.Empty, StringComparison.Ordinal), KeyStoreError.Malformed },
        { "n too big for int", ScryptVector.Replace("\"n\": 262144", "\"n\": 1e40", StringComparison.Ordinal), KeyStoreError.Malformed },
        { "iv not hex", ScryptVector.Replace("83dbcc02d8ccb40e466191a123791e0e", "83dbcc02d8ccb40e466191a123791e0z", StringComparison.Ordinal), KeyStoreError.Malformed },
        { "cipherparams missing", ScryptVector.Replace("\"cipherparams\": { \"iv\": \"83dbcc02d8ccb40e466191a123791e0e\" },", string.Empty, StringComparison.Ordinal), KeyStoreError.Malformed },
        { "short mac", ScryptVector.Replace("2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097", "2103ac29", StringComparison.Ordinal), KeyStoreError.Malformed },
        { "pbkdf2 sha1", Pbkdf2Vector.Replace("hmac-sha256", "hmac-sha1", StringComparison.Ordinal), KeyStoreError.UnsupportedKdf },
        { "pbkdf2 huge c", Pbkdf2Vector.Replace("\"c\": 262144", "\"c\": 2000000000", StringComparison.Ordinal), KeyStoreError.KdfParametersOutOfRange },
        { "unknown format", """{"format":"other","version":1}""", KeyStoreError.Malformed },
        { "deep", new string('[', 100) + new string(']', 100), KeyStoreError.Malformed },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void TryDecrypt_BadFile_ClearError(string name, string json, KeyStoreError expected)
    {
        Assert.False(KeyStoreJson.TryDecrypt(json, Password("testpassword"), out var key, out var error), name);
        Assert.Null(key);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void EncryptV3_Ed25519Key_ArgumentException()
    {
        using var key = PrivateKey.Generate(KeyType.Ed25519);

        Assert.Throws<ArgumentException>(() => KeyStoreJson.EncryptV3(key, Password("pw"), Fast));
    }

    [Fact]
    public void EncryptV3_ParametersOutOfBounds_ArgumentException()
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);

        Assert.Throws<ArgumentException>(() => KeyStoreJson.EncryptV3(key, Password("pw"), new ScryptParameters(1 << 22, 8, 1)));
    }

    [Fact]
    public void KeyStoreException_EveryError_HasFixedDescription()
    {
        foreach (var error in Enum.GetValues<KeyStoreError>())
        {
            Assert.DoesNotContain("Unknown", KeyStoreException.Describe(error), StringComparison.Ordinal);
        }

        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(ScryptVector).RootElement.ValueKind);
    }
}
