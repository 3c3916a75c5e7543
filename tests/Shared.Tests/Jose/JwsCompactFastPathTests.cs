using System.Text.Json;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;
using Identity.Shared.Jose;
using static Identity.Shared.Tests.Jose.JwsTestTokens;

namespace Identity.Shared.Tests.Jose;

/// <summary>
/// The parser takes a short path for JSON without backslashes and checks base64url over the whole token at once;
/// the verifier can run its secp256k1 work on either implementation. These pin down that every path gives the same
/// result as the other.
/// </summary>
public sealed class JwsCompactFastPathTests
{
    public static TheoryData<string, string, bool> Payloads => new()
    {
        { "plain", """{"iss":"did:ethr:0x1","n":[1,{"a":true}]}""", true },
        { "escaped name, no duplicate", """{"\u0069ss":"a","sub":"b"}""", true },
        { "escaped value with a surrogate pair", """{"name":"\ud83d\ude00"}""", true },
        { "escaped quote in a value", """{"name":"a\"b"}""", true },
        { "escaped duplicate, nested", """{"vc":{"type":1,"t\u0079pe":2}}""", false },
        { "plain duplicate inside an array", """{"a":[{"b":1,"b":2}]}""", false },
        { "escaped text and a plain duplicate", """{"x":"\n","x":1}""", false },
        { "escaped text, nested too deeply", "{\"x\":\"\\n\"," + string.Concat(Enumerable.Repeat("\"a\":{", 32)) + new string('}', 33), false },
        { "escaped text, root an array", """["\n"]""", false },
        { "plain, root an array", "[1]", false },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void TryParse_PayloadWithOrWithoutEscapes_SameRulesApply(string @case, string payload, bool valid)
    {
        var token = $"{Segment("""{"alg":"ES256K"}""")}.{Segment(payload)}.{Signature64}";

        var parsed = JwsCompact.TryParse(token, out var jws, out var error);

        Assert.True(valid == parsed, @case);
        if (valid)
        {
            // The element is the document System.Text.Json builds for the same bytes, detached from any pool.
            using var expected = JsonDocument.Parse(payload);
            Assert.Equal(expected.RootElement.GetRawText(), jws!.Payload!.Value.GetRawText());
        }
        else
        {
            Assert.Equal("malformed", error!.Code.Value);
            Assert.StartsWith("The JWS payload ", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TryParse_Token_SigningInputIsTheAsciiOfHeaderAndPayload()
    {
        var jws = JwsCompact.Parse(DidJwtCreateJwtSnapshot);

        Assert.Equal(DidJwtCreateJwtSnapshot[..DidJwtCreateJwtSnapshot.LastIndexOf('.')], System.Text.Encoding.ASCII.GetString(jws.SigningInput.Span));
        Assert.Equal(Base64UrlStrict.Decode(DidJwtCreateJwtSnapshot.Split('.')[1]), jws.PayloadBytes.ToArray());
        Assert.Equal(Base64UrlStrict.Decode(DidJwtCreateJwtSnapshot.Split('.')[2]), jws.Signature.ToArray());
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void VerifyAndRecover_DidJwtTokens_SameOnBothImplementations(string implementation)
    {
        var secp256k1 = Crypto.Secp256k1Implementations.Get(implementation);
        var key = PublicKey.Import(KeyType.Secp256k1, Hex.Decode(DidJwtCompressedPublicKeyHex));
        using var other = PrivateKey.Generate(KeyType.Secp256k1);
        foreach (var token in new[] { DidJwtCreateJws, DidJwtCreateJwtSnapshot })
        {
            var jws = JwsCompact.Parse(token);

            Assert.True(jws.Verify(key, secp256k1));
            Assert.False(jws.Verify(other.PublicKey, secp256k1));
            var candidates = jws.RecoverSignerCandidates(secp256k1);
            Assert.Equal(jws.RecoverSignerCandidates(), candidates);
            Assert.Contains(candidates, candidate => candidate.ToEthereumAddress().ToString().Equals(DidJwtAddress, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void RecoverSignerCandidates_Es256KR_OneKeyOnBothImplementations(string implementation)
    {
        var secp256k1 = Crypto.Secp256k1Implementations.Get(implementation);
        using var key = DidJwtKey();
        var token = JwsSigner.Sign(null, """{"some":"data"}"""u8, key, SignatureAlgorithm.ES256KR);
        var jws = JwsCompact.Parse(token);

        var candidates = jws.RecoverSignerCandidates(secp256k1);

        Assert.Equal(key.PublicKey, Assert.Single(candidates));
        Assert.True(jws.Verify(key.PublicKey, secp256k1));
    }

    public static TheoryData<string> Implementations() => Crypto.Secp256k1Implementations.All();
}
