using Identity.Shared.Crypto;

namespace Identity.Shared.Tests.Crypto;

/// <summary>The contract every <see cref="SignatureAlgorithm"/> keeps, run over <see cref="SignatureAlgorithm.All"/>.</summary>
public sealed class SignatureAlgorithmTests
{
    private static readonly byte[] SigningInput = "eyJhbGciOiJFUzI1NksifQ.eyJzb21lIjoiZGF0YSJ9"u8.ToArray();

    public static TheoryData<string> Algorithms => new(SignatureAlgorithm.All.Select(algorithm => algorithm.Name));

    public static TheoryData<string, KeyType> AlgorithmsWithForeignKeyTypes
    {
        get
        {
            var data = new TheoryData<string, KeyType>();
            foreach (var algorithm in SignatureAlgorithm.All)
            {
                foreach (var type in Enum.GetValues<KeyType>().Where(type => type != algorithm.KeyType))
                {
                    data.Add(algorithm.Name, type);
                }
            }

            return data;
        }
    }

    [Fact]
    public void All_ListsEveryAlgorithmOnce()
    {
        Assert.Equal(["ES256K", "ES256K-R", "EdDSA", "ES256"], SignatureAlgorithm.All.Select(algorithm => algorithm.Name));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void SignThenVerify_SameKeyAndData_ReturnsTrue(string name)
    {
        var algorithm = Get(name);
        using var key = PrivateKey.Generate(algorithm.KeyType);

        var signature = algorithm.Sign(key, SigningInput);

        Assert.Equal(algorithm.SignatureSize, signature.Length);
        Assert.True(algorithm.Verify(key.PublicKey, SigningInput, signature));
        Assert.True(algorithm.Verify(key.PublicKey, [], algorithm.Sign(key, [])));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Verify_TamperedData_ReturnsFalse(string name)
    {
        var algorithm = Get(name);
        using var key = PrivateKey.Generate(algorithm.KeyType);
        var signature = algorithm.Sign(key, SigningInput);

        foreach (var index in new[] { 0, SigningInput.Length / 2, SigningInput.Length - 1 })
        {
            var tampered = SigningInput.ToArray();
            tampered[index] ^= 0x01;
            Assert.False(algorithm.Verify(key.PublicKey, tampered, signature), $"byte {index}");
        }

        Assert.False(algorithm.Verify(key.PublicKey, SigningInput.AsSpan(0, SigningInput.Length - 1), signature));
        Assert.False(algorithm.Verify(key.PublicKey, [.. SigningInput, (byte)'.'], signature));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Verify_TamperedSignature_ReturnsFalse(string name)
    {
        var algorithm = Get(name);
        using var key = PrivateKey.Generate(algorithm.KeyType);
        var signature = algorithm.Sign(key, SigningInput);

        foreach (var index in new[] { 0, 31, 32, 63, signature.Length - 1 })
        {
            var tampered = signature.ToArray();
            tampered[index] ^= 0x01;
            Assert.False(algorithm.Verify(key.PublicKey, SigningInput, tampered), $"byte {index}");
        }
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Verify_WrongLengthSignature_ReturnsFalse(string name)
    {
        var algorithm = Get(name);
        using var key = PrivateKey.Generate(algorithm.KeyType);
        var signature = algorithm.Sign(key, SigningInput);

        Assert.False(algorithm.Verify(key.PublicKey, SigningInput, signature.AsSpan(0, signature.Length - 1)));
        Assert.False(algorithm.Verify(key.PublicKey, SigningInput, [.. signature, 0]));
        Assert.False(algorithm.Verify(key.PublicKey, SigningInput, []));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Verify_DegenerateSignatures_ReturnFalseWithoutThrowing(string name)
    {
        var algorithm = Get(name);
        using var key = PrivateKey.Generate(algorithm.KeyType);

        Assert.False(algorithm.Verify(key.PublicKey, SigningInput, new byte[algorithm.SignatureSize]));
        Assert.False(algorithm.Verify(key.PublicKey, SigningInput, Enumerable.Repeat((byte)0xff, algorithm.SignatureSize).ToArray()));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Verify_AnotherKeysSignature_ReturnsFalse(string name)
    {
        var algorithm = Get(name);
        using var signer = PrivateKey.Generate(algorithm.KeyType);
        using var other = PrivateKey.Generate(algorithm.KeyType);

        Assert.False(algorithm.Verify(other.PublicKey, SigningInput, algorithm.Sign(signer, SigningInput)));
    }

    [Theory]
    [MemberData(nameof(AlgorithmsWithForeignKeyTypes))]
    public void SignAndVerify_WrongKeyType_ThrowArgumentException(string name, KeyType foreign)
    {
        var algorithm = Get(name);
        using var key = PrivateKey.Generate(foreign);

        Assert.Throws<ArgumentException>(() => algorithm.Sign(key, SigningInput));
        Assert.Throws<ArgumentException>(() => algorithm.Verify(key.PublicKey, SigningInput, new byte[algorithm.SignatureSize]));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void SignAndVerify_NullKey_ThrowArgumentNullException(string name)
    {
        var algorithm = Get(name);

        Assert.Throws<ArgumentNullException>(() => algorithm.Sign(null!, SigningInput));
        Assert.Throws<ArgumentNullException>(() => algorithm.Verify(null!, SigningInput, new byte[algorithm.SignatureSize]));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Sign_DisposedKey_ThrowsObjectDisposedException(string name)
    {
        var algorithm = Get(name);
        var key = PrivateKey.Generate(algorithm.KeyType);
        key.Dispose();

        Assert.Throws<ObjectDisposedException>(() => algorithm.Sign(key, SigningInput));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void TryGet_OwnName_GivesSameInstance(string name)
    {
        Assert.True(SignatureAlgorithm.TryGet(name, out var algorithm));
        Assert.Equal(name, algorithm.Name);
        Assert.Equal(name, algorithm.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("none")]
    [InlineData("es256k")]
    [InlineData("ES256K ")]
    [InlineData("ES256KR")]
    [InlineData("HS256")]
    [InlineData("RS256")]
    [InlineData("ES384")]
    public void TryGet_UnknownName_ReturnsFalse(string? name)
    {
        Assert.False(SignatureAlgorithm.TryGet(name, out var algorithm));
        Assert.Null(algorithm);
    }

    [Fact]
    public void TryGet_LegacyEd25519Name_GivesEdDsa()
    {
        Assert.True(SignatureAlgorithm.TryGet("Ed25519", out var algorithm));
        Assert.Same(SignatureAlgorithm.EdDSA, algorithm);
    }

    private static SignatureAlgorithm Get(string name) =>
        SignatureAlgorithm.TryGet(name, out var algorithm) ? algorithm : throw new ArgumentOutOfRangeException(nameof(name));
}
