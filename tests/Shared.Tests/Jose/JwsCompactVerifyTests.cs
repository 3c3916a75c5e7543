using Identity.Shared.Crypto;
using Identity.Shared.Encoding;
using Identity.Shared.Jose;
using static Identity.Shared.Tests.Jose.JwsTestTokens;

namespace Identity.Shared.Tests.Jose;

public sealed class JwsCompactVerifyTests
{
    private static readonly JwsParseOptions AnyPayload = new() { RequireJsonPayload = false };

    [Fact]
    public void Verify_Rfc8037Example_Succeeds()
    {
        using var key = Rfc8037Key();
        var jws = JwsCompact.Parse(Rfc8037Jws, AnyPayload);

        Assert.Same(SignatureAlgorithm.EdDSA, jws.Header.Algorithm);
        Assert.Equal("Example of Ed25519 signing", System.Text.Encoding.UTF8.GetString(jws.PayloadBytes.Span));
        Assert.Null(jws.Payload);
        Assert.Equal(Rfc8037X, Base64UrlStrict.Encode(key.PublicKey.Bytes));
        Assert.True(jws.Verify(key.PublicKey));
    }

    [Fact]
    public void TryParse_Rfc8037ExampleWithJsonPayloadRequired_ReturnsMalformed()
    {
        // The default options are for JWTs: the RFC's plain-text payload is not a JSON object.
        Assert.False(JwsCompact.TryParse(Rfc8037Jws, out _, out var error));
        Assert.Equal("malformed", error.Code.Value);
    }

    [Fact]
    public void Verify_DidJwtCreateJws_Succeeds()
    {
        var jws = JwsCompact.Parse(DidJwtCreateJws);
        var key = PublicKey.Import(KeyType.Secp256k1, Hex.Decode(DidJwtCompressedPublicKeyHex));

        Assert.True(jws.Verify(key));
        Assert.Equal("data", jws.Payload!.Value.GetProperty("some").GetString());
        Assert.Equal(System.Text.Encoding.ASCII.GetBytes(DidJwtCreateJws[..DidJwtCreateJws.LastIndexOf('.')]), jws.SigningInput.ToArray());
    }

    [Fact]
    public void RecoverSignerCandidates_DidJwtSnapshot_RecoversAddressWithIdOne()
    {
        // did-jwt's ES256K snapshot; the spec digest verified that recovery id 1 gives the signer.
        var jws = JwsCompact.Parse(DidJwtCreateJwtSnapshot);
        Assert.Equal("JWT", jws.Header.Type);

        var candidates = jws.RecoverSignerCandidates();

        Assert.Equal(2, candidates.Count);
        Assert.NotEqual(DidJwtAddress, candidates[0].ToEthereumAddress().ToLowerHex());
        Assert.Equal(DidJwtAddress, candidates[1].ToEthereumAddress().ToLowerHex());
        Assert.True(jws.Verify(PublicKey.Import(KeyType.Secp256k1, Hex.Decode(DidJwtCompressedPublicKeyHex))));
    }

    [Fact]
    public void IsSignedByAddress_DidJwtSnapshot_MatchesTheSignerOnly()
    {
        // The snapshot's signer is recovered with id 1: id 0 gives another key, whose address must not match.
        var jws = JwsCompact.Parse(DidJwtCreateJwtSnapshot);
        var other = jws.RecoverSignerCandidates()[0].ToEthereumAddress();

        Assert.True(jws.IsSignedByAddress(EthereumAddress.Parse(DidJwtAddress)));
        Assert.True(jws.IsSignedByAddress(other));
        Assert.False(jws.IsSignedByAddress(EthereumAddress.Zero));
    }

    [Fact]
    public void IsSignedByAddress_Es256KR_OnlyTheKeyTheRecoveryByteNames()
    {
        using var key = DidJwtKey();
        var token = JwsSigner.Sign(null, """{"a":1}"""u8, key, SignatureAlgorithm.ES256KR);
        var jws = JwsCompact.Parse(token);
        var flipped = JwsCompact.Parse(ReplaceSignature(token, signature => signature[64] ^= 1));

        Assert.True(jws.IsSignedByAddress(EthereumAddress.Parse(DidJwtAddress)));
        Assert.False(flipped.IsSignedByAddress(EthereumAddress.Parse(DidJwtAddress)));
        Assert.False(flipped.Verify(key.PublicKey));
    }

    [Fact]
    public void IsSignedByAddress_EdDsa_False()
    {
        Assert.False(JwsCompact.Parse(Rfc8037Jws, AnyPayload).IsSignedByAddress(EthereumAddress.Zero));
    }

    [Fact]
    public void RecoverSignerCandidates_Es256KR_ReturnsTheSignerOnly()
    {
        using var key = DidJwtKey();
        var jws = JwsCompact.Parse(JwsSigner.Sign(null, """{"a":1}"""u8, key, SignatureAlgorithm.ES256KR));

        var candidate = Assert.Single(jws.RecoverSignerCandidates());
        Assert.Equal(key.PublicKey, candidate);
        Assert.Equal(DidJwtAddress, candidate.ToEthereumAddress().ToLowerHex());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(27)]
    [InlineData(255)]
    public void RecoverSignerCandidates_Es256KRWithBadRecoveryByte_ReturnsNothing(byte recoveryByte)
    {
        using var key = DidJwtKey();
        var token = JwsSigner.Sign(null, """{"a":1}"""u8, key, SignatureAlgorithm.ES256KR);
        var jws = JwsCompact.Parse(ReplaceSignature(token, signature => signature[64] = recoveryByte));

        Assert.Empty(jws.RecoverSignerCandidates());
        Assert.False(jws.Verify(key.PublicKey));
    }

    [Fact]
    public void RecoverSignerCandidates_EdDsa_ReturnsNothing()
    {
        using var key = Rfc8037Key();
        Assert.Empty(JwsCompact.Parse(Rfc8037Jws, AnyPayload).RecoverSignerCandidates());
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Verify_SignedHere_SucceedsAndTamperingFails(string algorithmName)
    {
        Assert.True(SignatureAlgorithm.TryGet(algorithmName, out var algorithm));
        using var key = PrivateKey.Generate(algorithm.KeyType);
        using var other = PrivateKey.Generate(algorithm.KeyType);
        var token = JwsSigner.Sign(new JwsHeaderParameters { Type = "JWT", KeyId = "did:example:123#key-1" }, """{"iss":"did:example:123"}"""u8, key, algorithm);

        var jws = JwsCompact.Parse(token);
        Assert.True(jws.Verify(key.PublicKey));
        Assert.False(jws.Verify(other.PublicKey));

        var tamperedPayload = JwsCompact.Parse(string.Join('.', token.Split('.')[0], Segment("""{"iss":"did:example:666"}"""), token.Split('.')[2]));
        Assert.False(tamperedPayload.Verify(key.PublicKey));

        var tamperedSignature = JwsCompact.Parse(ReplaceSignature(token, signature => signature[10] ^= 0x01));
        Assert.False(tamperedSignature.Verify(key.PublicKey));
    }

    [Fact]
    public void Verify_KeyOfAnotherType_ReturnsFalseWithoutThrowing()
    {
        using var ed25519 = Rfc8037Key();
        var jws = JwsCompact.Parse(DidJwtCreateJws);
        Assert.False(jws.Verify(ed25519.PublicKey));
    }

    [Fact]
    public void Verify_Es256KWithHighS_Succeeds()
    {
        // did-jwt 8 normalizes S before verifying, so a high-S twin of a valid signature also verifies there.
        using var key = DidJwtKey();
        var token = JwsSigner.Sign(null, """{"a":1}"""u8, key, SignatureAlgorithm.ES256K);
        var jws = JwsCompact.Parse(ReplaceSignature(token, NegateS));
        Assert.True(jws.Verify(key.PublicKey));
    }

    [Fact]
    public void Verify_EmbeddedAttackerKey_IsNotUsed()
    {
        using var victim = DidJwtKey();
        using var attacker = PrivateKey.Generate(KeyType.Secp256k1);
        var token = JwsSigner.Sign(new JwsHeaderParameters { Key = Jwk.FromPublicKey(attacker.PublicKey) }, """{"iss":"did:example:victim"}"""u8, attacker, SignatureAlgorithm.ES256K);
        var jws = JwsCompact.Parse(token);

        Assert.NotNull(jws.Header.Key);
        Assert.False(jws.Verify(victim.PublicKey));

        // Only when asked explicitly, and then the caller learns which key signed: the attacker's.
        Assert.True(jws.VerifyWithEmbeddedKey(out var embedded));
        Assert.Equal(attacker.PublicKey, embedded);
        Assert.NotEqual(victim.PublicKey, embedded);
    }

    [Fact]
    public void VerifyWithEmbeddedKey_EmbeddedKeyDidNotSign_ReturnsFalse()
    {
        using var signer = DidJwtKey();
        using var other = PrivateKey.Generate(KeyType.Secp256k1);
        var token = JwsSigner.Sign(new JwsHeaderParameters { Key = Jwk.FromPublicKey(other.PublicKey) }, """{"a":1}"""u8, signer, SignatureAlgorithm.ES256K);

        Assert.False(JwsCompact.Parse(token).VerifyWithEmbeddedKey(out var embedded));
        Assert.Null(embedded);
    }

    [Fact]
    public void VerifyWithEmbeddedKey_NoJwkHeader_ReturnsFalse()
    {
        Assert.False(JwsCompact.Parse(DidJwtCreateJws).VerifyWithEmbeddedKey(out _));
    }

    [Fact]
    public void VerifyWithEmbeddedKey_Rfc9449DpopProof_SucceedsAndThumbprintMatches()
    {
        var jws = JwsCompact.Parse(Rfc9449Proof);

        Assert.Equal("dpop+jwt", jws.Header.Type);
        Assert.Same(SignatureAlgorithm.ES256, jws.Header.Algorithm);
        Assert.True(jws.VerifyWithEmbeddedKey(out var key));
        Assert.Equal(KeyType.P256, key.Type);
        Assert.Equal(Rfc9449Thumbprint, jws.Header.Key!.ComputeThumbprint());
    }

    [Fact]
    public void TryParse_LegacyEd25519Alg_MapsToEdDsa()
    {
        using var key = Rfc8037Key();
        var input = $"{Segment("""{"alg":"Ed25519"}""")}.{Segment("""{"a":1}""")}";
        var token = $"{input}.{Base64UrlStrict.Encode(SignatureAlgorithm.EdDSA.Sign(key, System.Text.Encoding.ASCII.GetBytes(input)))}";

        var jws = JwsCompact.Parse(token);

        Assert.Same(SignatureAlgorithm.EdDSA, jws.Header.Algorithm);
        Assert.Equal("Ed25519", jws.Header.AlgorithmName);
        Assert.True(jws.Verify(key.PublicKey));
    }

    [Fact]
    public void TryParse_UnregisteredHeaderMembers_AreKeptInJson()
    {
        var token = $"{Segment("""{"alg":"ES256K","typ":"vc+jwt","cty":"JWT","kid":"did:example:1#k","x-custom":[1,2]}""")}.{Segment("{}")}.{Signature64}";
        var header = JwsCompact.Parse(token).Header;

        Assert.Equal("vc+jwt", header.Type);
        Assert.Equal("JWT", header.ContentType);
        Assert.Equal("did:example:1#k", header.KeyId);
        Assert.Equal(2, header.Json.GetProperty("x-custom").GetArrayLength());
    }

    public static TheoryData<string> Algorithms => new() { "ES256K", "ES256K-R", "EdDSA", "ES256" };

    private static string ReplaceSignature(string token, Action<byte[]> change)
    {
        var dot = token.LastIndexOf('.');
        var signature = Base64UrlStrict.Decode(token.AsSpan(dot + 1));
        change(signature);
        return string.Concat(token.AsSpan(0, dot + 1), Base64UrlStrict.Encode(signature));
    }

    // s' = n - s, the other valid s for the same r.
    private static void NegateS(byte[] signature)
    {
        var n = System.Numerics.BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        var s = new System.Numerics.BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        var negated = (n - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        Array.Clear(signature, 32, 32);
        negated.CopyTo(signature, 64 - negated.Length);
    }
}
