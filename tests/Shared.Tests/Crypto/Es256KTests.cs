using System.Numerics;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Shared.Tests.Crypto;

public sealed class Es256KTests
{
    // did-jwt's JWT.test.ts key (specs Part II §A) and its createJWS({some:"data"}) output.
    private const string DidJwtPrivateKey = "278a5de700e29faae8e40e366ec5012b5ec63d36ec77e8a2417154cc1d25383f";
    private const string DidJwtCompressedPublicKey = "03fdd57adec3d438ea237fe46b33ee1e016eda6b585c3e27ea66686c2ea5358479";
    private const string SigningInput = "eyJhbGciOiJFUzI1NksifQ.eyJzb21lIjoiZGF0YSJ9";
    private const string DidJwtSignature = "dblNz-7BVLknOFIBPmt5VTG0MDls_Q69WI8OfQuqNdUp4y50-b8Ubn0xujm1ijfmfqRunpks5TyWqgMsQkR_GQ";

    [Fact]
    public void Sign_DidJwtVector_GivesDidJwtSignatureByteForByte()
    {
        using var key = PrivateKey.Import(KeyType.Secp256k1, Hex.Decode(DidJwtPrivateKey));

        var signature = SignatureAlgorithm.ES256K.Sign(key, System.Text.Encoding.ASCII.GetBytes(SigningInput));

        Assert.Equal(DidJwtSignature, Base64UrlStrict.Encode(signature));
    }

    [Fact]
    public void Verify_DidJwtVectorWithCompressedKey_ReturnsTrue()
    {
        var key = PublicKey.Import(KeyType.Secp256k1, Hex.Decode(DidJwtCompressedPublicKey));

        Assert.True(SignatureAlgorithm.ES256K.Verify(key, System.Text.Encoding.ASCII.GetBytes(SigningInput), Base64UrlStrict.Decode(DidJwtSignature)));
    }

    [Fact]
    public void Verify_HighSFormOfDidJwtSignature_ReturnsTrue()
    {
        // did-jwt 9 verifies with lowS: false, so a high-S signature from another signer must pass here too.
        var key = PublicKey.Import(KeyType.Secp256k1, Hex.Decode(DidJwtCompressedPublicKey));
        var highS = NegateS(Base64UrlStrict.Decode(DidJwtSignature));

        Assert.True(SignatureAlgorithm.ES256K.Verify(key, System.Text.Encoding.ASCII.GetBytes(SigningInput), highS));
    }

    [Fact]
    public void Sign_ManyInputs_AlwaysLowS()
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);
        var halfN = Hex.Decode("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");

        for (var i = 0; i < 64; i++)
        {
            var signature = SignatureAlgorithm.ES256K.Sign(key, BitConverter.GetBytes(i));
            Assert.True(signature.AsSpan(32).SequenceCompareTo(halfN) <= 0, $"input {i}");
        }
    }

    /// <summary>s → n − s: the other valid signature for the same r.</summary>
    internal static byte[] NegateS(byte[] signature)
    {
        var n = new BigInteger(Hex.Decode("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"), isUnsigned: true, isBigEndian: true);
        var s = new BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        var negated = (n - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = signature.ToArray();
        result.AsSpan(32, 32).Clear();
        negated.CopyTo(result, 64 - negated.Length);
        return result;
    }
}
