using System.Text;
using Identity.Issuer.Keys;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.Issuer.Tests.Keys;

public sealed class KeyStoreKeyRingTests : IDisposable
{
    private const string Did = "did:ethr:0x539:0x8ba1f109551bd432803012645ac136ddd64dba72";
    private static readonly ScryptParameters Fast = new(1024, 8, 1);
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("issuer-keys-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task Load_RotatedKeys_NewestActiveSignsOldStaysListed()
    {
        using var oldKey = PrivateKey.Generate(KeyType.Secp256k1);
        using var newKey = PrivateKey.Generate(KeyType.Secp256k1);
        var options = new IssuerKeyRingOptions { Did = Did };
        options.Keys.Add(KeyFile(oldKey, "old password", "#controller", active: false));
        options.Keys.Add(KeyFile(newKey, "new password\n", "#key-2"));

        using var ring = KeyStoreKeyRing.Load(options);

        Assert.Equal(Did, ring.IssuerDid);
        Assert.Equal([Did + "#controller", Did + "#key-2"], ring.Keys.Select(k => k.KeyId));
        Assert.Equal([false, true], ring.Keys.Select(k => k.Active));
        var active = ring.ActiveKey();
        Assert.Same(ring.Keys[1], active);
        Assert.Same(active, ring.ActiveKey(SignatureAlgorithm.ES256K));
        Assert.Equal(newKey.PublicKey, active.Signer.PublicKey);
        var data = Encoding.ASCII.GetBytes("header.payload");
        var signature = await active.Signer.SignAsync(data);
        Assert.True(SignatureAlgorithm.ES256K.Verify(newKey.PublicKey, data, signature));
        Assert.Throws<InvalidOperationException>(() => ring.ActiveKey(SignatureAlgorithm.EdDSA));
    }

    [Fact]
    public void Load_Ed25519GcmFileAndEnvironmentPassword_EdDsaKey()
    {
        using var key = PrivateKey.Generate(KeyType.Ed25519);
        var variable = "ISSUER_TEST_PASSWORD_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "from the environment");
        try
        {
            var path = Path.Combine(folder.FullName, "ed.json");
            File.WriteAllText(path, KeyStoreJson.EncryptAesGcm(key, Encoding.UTF8.GetBytes("from the environment"), Fast));
            var options = new IssuerKeyRingOptions { Did = "did:web:hospital.example" };
            options.Keys.Add(new IssuerKeyFileOptions { File = path, PasswordEnvironmentVariable = variable, KeyId = "did:web:hospital.example#key-1" });

            using var ring = KeyStoreKeyRing.Load(options);

            var active = ring.ActiveKey(SignatureAlgorithm.EdDSA);
            Assert.Equal("did:web:hospital.example#key-1", active.KeyId);
            Assert.Equal(key.PublicKey, active.Signer.PublicKey);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void Load_WrongPassword_ErrorNamesSettingWithoutSecrets()
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);
        var options = new IssuerKeyRingOptions { Did = Did };
        var file = KeyFile(key, "right", null);
        File.WriteAllText(file.PasswordFile!, "wrong");
        options.Keys.Add(file);

        var error = Assert.Throws<InvalidOperationException>(() => KeyStoreKeyRing.Load(options));

        Assert.Contains("Issuer:Keys:0", error.Message, StringComparison.Ordinal);
        Assert.Contains("Wrong password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", error.Message.Replace("Wrong", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(Hex.Encode(key.ExportRaw()), error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<IssuerKeyRingOptions, IssuerKeyFileOptions>, string> Misconfigurations => new()
    {
        { "no did", (o, _) => o.Did = null, "Issuer:Did" },
        { "no file", (_, f) => f.File = null, "Issuer:Keys:0:File" },
        { "missing file", (_, f) => f.File += ".missing", "Issuer:Keys:0:File" },
        { "no password", (_, f) => f.PasswordFile = null, "PasswordFile or PasswordEnvironmentVariable" },
        { "unset variable", (_, f) => (f.PasswordFile, f.PasswordEnvironmentVariable) = (null, "ISSUER_TEST_UNSET_VARIABLE"), "ISSUER_TEST_UNSET_VARIABLE" },
        { "foreign key id", (_, f) => f.KeyId = "did:web:other.example#key-1", "Issuer:Keys:0:KeyId" },
        { "wrong algorithm", (_, f) => f.Algorithm = "EdDSA", "Issuer:Keys:0:Algorithm" },
        { "did:web without key id", (o, f) => (o.Did, f.KeyId) = ("did:web:h.example", null), "Issuer:Keys:0:KeyId" },
    };

    [Theory]
    [MemberData(nameof(Misconfigurations))]
    public void Load_Misconfigured_MessageNamesTheFix(string name, Action<IssuerKeyRingOptions, IssuerKeyFileOptions> breakIt, string expected)
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);
        var options = new IssuerKeyRingOptions { Did = Did };
        var file = KeyFile(key, "pw", null);
        options.Keys.Add(file);
        breakIt(options, file);

        var error = Assert.Throws<InvalidOperationException>(() => KeyStoreKeyRing.Load(options));

        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{name}: {error.Message}");
    }

    [Fact]
    public void Load_NoKeys_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => KeyStoreKeyRing.Load(new IssuerKeyRingOptions { Did = Did }));
    }

    [Fact]
    public void AddIssuerKeyRing_Configuration_DefaultKeyIdAndEs256KR()
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);
        var file = KeyFile(key, "pw", null);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Issuer:Did"] = Did,
            ["Issuer:Keys:0:File"] = file.File,
            ["Issuer:Keys:0:PasswordFile"] = file.PasswordFile,
            ["Issuer:Keys:0:Algorithm"] = "ES256K-R",
        }).Build();
        using var provider = new ServiceCollection().AddIssuerKeyRing(configuration).BuildServiceProvider();

        var ring = provider.GetRequiredService<IIssuerKeyRing>();

        var active = ring.ActiveKey(SignatureAlgorithm.ES256KR);
        Assert.Equal(Did + "#controller", active.KeyId);
        Assert.True(active.Active);
        Assert.DoesNotContain(Hex.Encode(key.ExportRaw()), ring.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Hex.Encode(key.ExportRaw()), active.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddIssuerKeyRing_SuppliedSigners_UsedWithoutFiles()
    {
        using var key = PrivateKey.Generate(KeyType.Ed25519);
        var signer = new CountingSigner(new PrivateKeySigner(key, SignatureAlgorithm.EdDSA));
        using var provider = new ServiceCollection()
            .AddIssuerKeyRing("did:web:h.example", _ => [new IssuerKey("did:web:h.example#hsm-1", signer, Active: true)])
            .BuildServiceProvider();

        var ring = provider.GetRequiredService<IIssuerKeyRing>();
        await ring.ActiveKey().Signer.SignAsync(new byte[] { 1, 2, 3 });

        Assert.IsType<SignerKeyRing>(ring);
        Assert.Equal(1, signer.Count);
    }

    [Fact]
    public void SignerKeyRing_DuplicateKeyIds_Throws()
    {
        using var key = PrivateKey.Generate(KeyType.Ed25519);
        var signer = new PrivateKeySigner(key, SignatureAlgorithm.EdDSA);

        Assert.Throws<InvalidOperationException>(() => new SignerKeyRing("did:web:h.example", [new("did:web:h.example#k", signer, true), new("did:web:h.example#k", signer, false)]));
    }

    private IssuerKeyFileOptions KeyFile(PrivateKey key, string passwordFileText, string? keyId, bool active = true)
    {
        var name = Guid.NewGuid().ToString("N");
        var path = Path.Combine(folder.FullName, name + ".json");
        File.WriteAllText(path, KeyStoreJson.EncryptV3(key, Encoding.UTF8.GetBytes(passwordFileText.TrimEnd('\n')), Fast));
        var passwordPath = Path.Combine(folder.FullName, name + ".password");
        File.WriteAllText(passwordPath, passwordFileText);
        return new IssuerKeyFileOptions { File = path, PasswordFile = passwordPath, KeyId = keyId, Active = active };
    }

    /// <summary>An HSM stand-in: a real signer that counts its uses.</summary>
    private sealed class CountingSigner(ISigner inner) : ISigner
    {
        public int Count { get; private set; }

        public PublicKey PublicKey => inner.PublicKey;

        public SignatureAlgorithm Algorithm => inner.Algorithm;

        public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        {
            Count++;
            return inner.SignAsync(data, cancellationToken);
        }
    }
}
