using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Shared.Tests.Crypto;

public sealed class Es256KRTests
{
    private const string DidJwtPrivateKey = "278a5de700e29faae8e40e366ec5012b5ec63d36ec77e8a2417154cc1d25383f";

    /// <summary>
    /// did-jwt 8.0.18 createJWS with ES256KSigner(key, recoverable = true), run once as a cross-check: RFC 6979 makes
    /// the output deterministic, so our signer must reproduce it byte for byte (recovery byte 0x01).
    /// </summary>
    public static TheoryData<string, string> DidJwtVectors => new()
    {
        { "eyJhbGciOiJFUzI1NkstUiJ9.eyJzb21lIjoiZGF0YSJ9", "KR0ve1zzUVe-iYei4B5ajqinRTpCJ8r5cKesFje0GyJWuPIAxwNY1qHkWuumD4zUNf53__dVn_hai3zdFtwu2wE" },
        { "eyJhbGciOiJFUzI1NkstUiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJkaWQ6ZXRocjoweGYzYmVhYzMwYzQ5OGQ5ZTI2ODY1ZjM0ZmNhYTU3ZGJiOTM1YjBkNzQiLCJpYXQiOjE0ODUzMjExMzN9", "gs6maLNE_E3LbKogBX1mQuKhLBk636K76UGGGLR9JGk-U1EgVO9_9HpOegQpXfM_ttc4QN_DnYg5ti9NGWgP7gA" },
    };

    [Theory]
    [MemberData(nameof(DidJwtVectors))]
    public void Sign_DidJwtVector_GivesDidJwtSignatureByteForByte(string signingInput, string signature)
    {
        using var key = PrivateKey.Import(KeyType.Secp256k1, Hex.Decode(DidJwtPrivateKey));

        Assert.Equal(signature, Base64UrlStrict.Encode(SignatureAlgorithm.ES256KR.Sign(key, System.Text.Encoding.ASCII.GetBytes(signingInput))));
    }

    [Theory]
    [MemberData(nameof(DidJwtVectors))]
    public void Verify_DidJwtVector_TrueWithRightRecoveryByteOnly(string signingInput, string signature)
    {
        using var key = PrivateKey.Import(KeyType.Secp256k1, Hex.Decode(DidJwtPrivateKey));
        var data = System.Text.Encoding.ASCII.GetBytes(signingInput);
        var bytes = Base64UrlStrict.Decode(signature);

        Assert.True(SignatureAlgorithm.ES256KR.Verify(key.PublicKey, data, bytes));
        foreach (var recoveryByte in new byte[] { (byte)(bytes[64] ^ 1), 2, 3, 27, 28 })
        {
            var other = bytes.ToArray();
            other[64] = recoveryByte;
            Assert.False(SignatureAlgorithm.ES256KR.Verify(key.PublicKey, data, other), $"recovery byte {recoveryByte}");
        }
    }

    [Fact]
    public void Verify_HighSWithFlippedRecoveryByte_ReturnsTrue()
    {
        // n − s recovers the same key with the other parity: a high-S ES256K-R signature is still the signer's.
        using var key = PrivateKey.Import(KeyType.Secp256k1, Hex.Decode(DidJwtPrivateKey));
        var (signingInput, signature) = ("eyJhbGciOiJFUzI1NkstUiJ9.eyJzb21lIjoiZGF0YSJ9", Base64UrlStrict.Decode("KR0ve1zzUVe-iYei4B5ajqinRTpCJ8r5cKesFje0GyJWuPIAxwNY1qHkWuumD4zUNf53__dVn_hai3zdFtwu2wE"));
        var highS = Es256KTests.NegateS(signature);
        highS[64] ^= 1;

        Assert.True(SignatureAlgorithm.ES256KR.Verify(key.PublicKey, System.Text.Encoding.ASCII.GetBytes(signingInput), highS));
    }

    [Fact]
    public void Sign_AnyInput_LastByteIsRecoveryIdThatRecoversSigner()
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);
        var data = "any signing input"u8.ToArray();

        var signature = SignatureAlgorithm.ES256KR.Sign(key, data);
        var recovered = new byte[Secp256k1.UncompressedPublicKeySize];

        Assert.InRange(signature[64], 0, 1);
        Assert.True(Secp256k1.Default.TryRecover(System.Security.Cryptography.SHA256.HashData(data), signature.AsSpan(0, 64), signature[64], recovered));
        Assert.Equal(key.PublicKey.Bytes.ToArray(), recovered);
    }
}
