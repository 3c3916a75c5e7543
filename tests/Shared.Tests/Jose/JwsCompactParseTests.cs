using System.Text;
using Identity.Shared.Jose;
using Identity.Shared.Verification;
using static Identity.Shared.Tests.Jose.JwsTestTokens;

namespace Identity.Shared.Tests.Jose;

/// <summary>One case per rule of strict parsing: each hostile token gives its exact code and no exception.</summary>
public sealed class JwsCompactParseTests
{
    private const string Es256KHeader = """{"alg":"ES256K"}""";
    private const string Payload = """{"some":"data"}""";

    private static readonly string ValidHeader = Segment(Es256KHeader);
    private static readonly string ValidPayload = Segment(Payload);

    public static TheoryData<string, string, string> HostileTokens => new()
    {
        // Segments
        { "empty", string.Empty, "malformed" },
        { "one segment", ValidHeader, "malformed" },
        { "two segments", $"{ValidHeader}.{ValidPayload}", "malformed" },
        { "four segments", $"{ValidHeader}.{ValidPayload}.{Signature64}.{Signature64}", "malformed" },
        { "JWE-like five segments", $"{ValidHeader}...{ValidPayload}.{Signature64}", "malformed" },
        { "empty header", $".{ValidPayload}.{Signature64}", "malformed" },
        { "empty payload (not a JSON object)", $"{ValidHeader}..{Signature64}", "malformed" },
        { "empty signature", $"{ValidHeader}.{ValidPayload}.", "malformed" },

        // Strict base64url
        { "padding in header", $"{ValidHeader}==.{ValidPayload}.{Signature64}", "malformed" },
        { "padding in signature", $"{ValidHeader}.{ValidPayload}.{Signature64}==", "malformed" },
        { "leading space", $" {ValidHeader}.{ValidPayload}.{Signature64}", "malformed" },
        { "trailing newline", $"{ValidHeader}.{ValidPayload}.{Signature64}\n", "malformed" },
        { "space inside payload", $"{ValidHeader}.{ValidPayload[..4]} {ValidPayload[4..]}.{Signature64}", "malformed" },
        { "plus and slash (base64, not base64url)", $"{ValidHeader}.{ValidPayload}.{Signature64[..^2]}+/", "malformed" },
        { "non-ASCII character", $"{ValidHeader}.{ValidPayload}.{Signature64[..^1]}\u00e9", "malformed" },
        { "length 1 mod 4", $"{ValidHeader}.{ValidPayload}A.{Signature64}", "malformed" },
        { "non-canonical trailing bits in header", $"{ValidHeader[..^1]}R.{ValidPayload}.{Signature64}", "malformed" },

        // UTF-8
        { "invalid UTF-8 in header", $"{Segment(Utf8WithByte("""{"alg":"ES256K","x":"?"}""", 0xff))}.{ValidPayload}.{Signature64}", "malformed" },
        { "invalid UTF-8 in payload", $"{ValidHeader}.{Segment(Utf8WithByte("""{"some":"?"}""", 0xc3))}.{Signature64}", "malformed" },
        { "overlong UTF-8 in payload", $"{ValidHeader}.{Segment(Overlong())}.{Signature64}", "malformed" },
        { "byte order mark", $"{Segment("\uFEFF" + Es256KHeader)}.{ValidPayload}.{Signature64}", "malformed" },

        // JSON shape
        { "header is an array", $"{Segment("[]")}.{ValidPayload}.{Signature64}", "malformed" },
        { "header is a string", $"{Segment("\"ES256K\"")}.{ValidPayload}.{Signature64}", "malformed" },
        { "header is null", $"{Segment("null")}.{ValidPayload}.{Signature64}", "malformed" },
        { "payload is an array", $"{ValidHeader}.{Segment("[1]")}.{Signature64}", "malformed" },
        { "payload is a number", $"{ValidHeader}.{Segment("1")}.{Signature64}", "malformed" },
        { "payload is not JSON", $"{ValidHeader}.{Segment("hello")}.{Signature64}", "malformed" },
        { "trailing data after header object", $"{Segment(Es256KHeader + " {}")}.{ValidPayload}.{Signature64}", "malformed" },
        { "comment in header", $"{Segment("""{"alg":"ES256K"/*x*/}""")}.{ValidPayload}.{Signature64}", "malformed" },
        { "trailing comma in payload", $"{ValidHeader}.{Segment("""{"some":"data",}""")}.{Signature64}", "malformed" },
        { "truncated payload", $"{ValidHeader}.{Segment("""{"some":""")}.{Signature64}", "malformed" },
        { "escaped lone surrogate", $"{ValidHeader}.{Segment("""{"some":"\ud800"}""")}.{Signature64}", "malformed" },

        // Duplicate member names
        { "duplicate alg", $"{Segment("""{"alg":"ES256K","alg":"none"}""")}.{ValidPayload}.{Signature64}", "malformed" },
        { "duplicate alg, escaped", $"{Segment("""{"alg":"ES256K","\u0061lg":"none"}""")}.{ValidPayload}.{Signature64}", "malformed" },
        { "duplicate claim", $"{ValidHeader}.{Segment("""{"iss":"a","sub":"b","iss":"c"}""")}.{Signature64}", "malformed" },
        { "duplicate nested member", $"{ValidHeader}.{Segment("""{"vc":{"type":["A"],"type":["B"]}}""")}.{Signature64}", "malformed" },
        { "duplicate member in array element", $"{ValidHeader}.{Segment("""{"a":[{"b":1},{"c":1,"c":2}]}""")}.{Signature64}", "malformed" },

        // Depth
        { "payload nested 33 deep", $"{ValidHeader}.{Segment(Nested(33))}.{Signature64}", "malformed" },
        { "header nested 33 deep", $"{Segment(Nested(33, """ "alg":"ES256K",""" ))}.{ValidPayload}.{Signature64}", "malformed" },
        { "payload nested 2000 deep", $"{ValidHeader}.{Segment(Nested(2000))}.{Signature64}", "malformed" },

        // alg
        { "alg missing", $"{Segment("""{"typ":"JWT"}""")}.{ValidPayload}.{Signature64}", "unsupported_algorithm" },
        { "alg none", $"{Segment("""{"alg":"none"}""")}.{ValidPayload}.", "malformed" },
        { "alg none with a signature", $"{Segment("""{"alg":"none"}""")}.{ValidPayload}.{Signature64}", "unsupported_algorithm" },
        { "alg None", $"{Segment("""{"alg":"None"}""")}.{ValidPayload}.{Signature64}", "unsupported_algorithm" },
        { "alg HS256", $"{Segment("""{"alg":"HS256"}""")}.{ValidPayload}.{Signature64}", "unsupported_algorithm" },
        { "alg RS256", $"{Segment("""{"alg":"RS256"}""")}.{ValidPayload}.{Signature64}", "unsupported_algorithm" },
        { "alg in lower case", $"{Segment("""{"alg":"es256k"}""")}.{ValidPayload}.{Signature64}", "unsupported_algorithm" },
        { "alg empty", $"{Segment("""{"alg":""}""")}.{ValidPayload}.{Signature64}", "unsupported_algorithm" },
        { "alg not a string", $"{Segment("""{"alg":1}""")}.{ValidPayload}.{Signature64}", "malformed" },
        { "alg null", $"{Segment("""{"alg":null}""")}.{ValidPayload}.{Signature64}", "malformed" },

        // crit and b64
        { "crit with a registered name", $"{Segment("""{"alg":"ES256K","crit":["exp"],"exp":1}""")}.{ValidPayload}.{Signature64}", "unsupported_critical_header" },
        { "crit b64 with b64 true", $"{Segment("""{"alg":"ES256K","crit":["b64"],"b64":true}""")}.{ValidPayload}.{Signature64}", "unsupported_critical_header" },
        { "crit empty", $"{Segment("""{"alg":"ES256K","crit":[]}""")}.{ValidPayload}.{Signature64}", "malformed" },
        { "crit a string", $"{Segment("""{"alg":"ES256K","crit":"exp"}""")}.{ValidPayload}.{Signature64}", "malformed" },
        { "crit with a number", $"{Segment("""{"alg":"ES256K","crit":[1]}""")}.{ValidPayload}.{Signature64}", "malformed" },
        { "crit with an empty name", $"{Segment("""{"alg":"ES256K","crit":[""]}""")}.{ValidPayload}.{Signature64}", "malformed" },
        { "b64 false", $"{Segment("""{"alg":"ES256K","b64":false}""")}.{ValidPayload}.{Signature64}", "malformed" },
        { "b64 false with crit", $"{Segment("""{"alg":"ES256K","b64":false,"crit":["b64"]}""")}.{ValidPayload}.{Signature64}", "malformed" },
        { "b64 not a boolean", $"{Segment("""{"alg":"ES256K","b64":"false"}""")}.{ValidPayload}.{Signature64}", "malformed" },

        // Registered member types
        { "kid not a string", $"{Segment("""{"alg":"ES256K","kid":1}""")}.{ValidPayload}.{Signature64}", "malformed" },
        { "typ not a string", $"{Segment("""{"alg":"ES256K","typ":{}}""")}.{ValidPayload}.{Signature64}", "malformed" },
        { "cty not a string", $"{Segment("""{"alg":"ES256K","cty":["JWT"]}""")}.{ValidPayload}.{Signature64}", "malformed" },
        { "jwk not an object", $"{Segment("""{"alg":"ES256K","jwk":"key"}""")}.{ValidPayload}.{Signature64}", "malformed" },
        { "jwk of an unsupported type", $"{Segment("""{"alg":"ES256K","jwk":{"kty":"RSA","n":"AQAB","e":"AQAB"}}""")}.{ValidPayload}.{Signature64}", "malformed" },
        { "jwk off the curve", $"{Segment("""{"alg":"ES256K","jwk":{"kty":"EC","crv":"secp256k1","x":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","y":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}}""")}.{ValidPayload}.{Signature64}", "malformed" },
        { "jwk with a private key", $"{Segment("""{"alg":"EdDSA","jwk":{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}}""")}.{ValidPayload}.{Signature64}", "malformed" },

        // Signature length
        { "ES256K signature of 65 bytes", $"{ValidHeader}.{ValidPayload}.{Segment(new byte[65])}", "malformed" },
        { "ES256K-R signature of 64 bytes", $"{Segment("""{"alg":"ES256K-R"}""")}.{ValidPayload}.{Signature64}", "malformed" },
        { "EdDSA signature of 63 bytes", $"{Segment("""{"alg":"EdDSA"}""")}.{ValidPayload}.{Segment(new byte[63])}", "malformed" },
    };

    [Theory]
    [MemberData(nameof(HostileTokens))]
    public void TryParse_HostileToken_ReturnsExactCode(string rule, string token, string expectedCode)
    {
        var (parsed, error) = ParseWithoutThrowing(token);

        Assert.False(parsed, rule);
        Assert.NotNull(error);
        Assert.Equal(expectedCode, error.Code.Value);
        Assert.DoesNotContain(Payload, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_TokenOverLimit_ReturnsTokenTooLarge()
    {
        var big = Segment($$"""{"some":"{{new string('a', 64 * 1024)}}"}""");
        var (parsed, error) = ParseWithoutThrowing($"{ValidHeader}.{big}.{Signature64}");

        Assert.False(parsed);
        Assert.Equal(VerificationErrorCode.TokenTooLarge, error!.Code);
    }

    [Fact]
    public void TryParse_HeaderOverLimit_ReturnsTokenTooLarge()
    {
        var header = Segment($$"""{"alg":"ES256K","x":"{{new string('a', 8 * 1024)}}"}""");
        var (parsed, error) = ParseWithoutThrowing($"{header}.{ValidPayload}.{Signature64}");

        Assert.False(parsed);
        Assert.Equal(VerificationErrorCode.TokenTooLarge, error!.Code);
    }

    [Fact]
    public void TryParse_TokenOverConfiguredLimit_ReturnsTokenTooLargeBeforeDecoding()
    {
        // Garbage that would be malformed: the size check comes first, so no decoding work is done.
        var options = new JwsParseOptions { MaxTokenLength = 100 };
        Assert.False(JwsCompact.TryParse(new string('!', 101), options, out _, out var error));
        Assert.Equal(VerificationErrorCode.TokenTooLarge, error.Code);
    }

    [Fact]
    public void TryParse_NullToken_ReturnsMalformed()
    {
        Assert.False(JwsCompact.TryParse(null, out _, out var error));
        Assert.Equal(VerificationErrorCode.Malformed, error.Code);
    }

    [Fact]
    public void TryParse_PayloadNestedToTheLimit_Succeeds()
    {
        Assert.True(JwsCompact.TryParse($"{ValidHeader}.{Segment(Nested(32))}.{Signature64}", out _, out var error), error?.Message);
    }

    [Fact]
    public void TryParse_ConfiguredDepth_IsEnforced()
    {
        var options = new JwsParseOptions { MaxJsonDepth = 3 };
        Assert.True(JwsCompact.TryParse($"{ValidHeader}.{Segment(Nested(3))}.{Signature64}", options, out _, out _));
        Assert.False(JwsCompact.TryParse($"{ValidHeader}.{Segment(Nested(4))}.{Signature64}", options, out _, out var error));
        Assert.Equal(VerificationErrorCode.Malformed, error.Code);
    }

    [Fact]
    public void TryParse_SameNameInSiblingObjects_Succeeds()
    {
        var payload = Segment("""{"a":{"id":1},"b":{"id":2},"c":[{"id":3},{"id":4}],"id":5}""");
        Assert.True(JwsCompact.TryParse($"{ValidHeader}.{payload}.{Signature64}", out _, out var error), error?.Message);
    }

    [Fact]
    public void TryParse_NonCanonicalSignatureOfValidToken_ReturnsMalformed()
    {
        // The last character of an 86-char segment carries 4 unused bits: 'R' decodes to the same bytes as 'Q'.
        // A lenient decoder would accept a second spelling of the same signature (malleable token ids, replays).
        Assert.EndsWith("Q", DidJwtCreateJws, StringComparison.Ordinal);
        var (parsed, error) = ParseWithoutThrowing(DidJwtCreateJws[..^1] + "R");
        Assert.False(parsed);
        Assert.Equal(VerificationErrorCode.Malformed, error!.Code);
    }

    [Fact]
    public void TryParse_EveryCharacterMutation_NeverThrows()
    {
        var token = DidJwtCreateJws;
        char[] replacements = ['.', '=', ' ', 'A', '_', '+', '\u00e9', '\0'];
        for (var i = 0; i < token.Length; i++)
        {
            foreach (var replacement in replacements)
            {
                var mutated = string.Concat(token.AsSpan(0, i), [replacement], token.AsSpan(i + 1));
                var (parsed, error) = ParseWithoutThrowing(mutated);
                Assert.True(parsed || error is not null);
            }

            var truncated = token[..i];
            var (truncatedParsed, truncatedError) = ParseWithoutThrowing(truncated);
            Assert.False(truncatedParsed);
            Assert.NotNull(truncatedError);
        }
    }

    [Fact]
    public void Parse_HostileToken_ThrowsFormatExceptionNamingTheCode()
    {
        var exception = Assert.Throws<FormatException>(() => JwsCompact.Parse($"{Segment("""{"alg":"none"}""")}.{ValidPayload}.{Signature64}"));
        Assert.StartsWith("unsupported_algorithm:", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void JwsParseOptions_NonPositiveLimit_Throws(int limit)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new JwsParseOptions { MaxTokenLength = limit });
        Assert.Throws<ArgumentOutOfRangeException>(() => new JwsParseOptions { MaxHeaderLength = limit });
        Assert.Throws<ArgumentOutOfRangeException>(() => new JwsParseOptions { MaxJsonDepth = limit });
    }

    private static (bool Parsed, VerificationError? Error) ParseWithoutThrowing(string token)
    {
        var parsed = false;
        VerificationError? error = null;
        var exception = Record.Exception(() => parsed = JwsCompact.TryParse(token, out _, out error));
        Assert.Null(exception);
        return (parsed, error);
    }

    // UTF-8 of text with the '?' replaced by one raw byte that cannot stand alone.
    private static byte[] Utf8WithByte(string text, byte raw)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        bytes[Array.IndexOf(bytes, (byte)'?')] = raw;
        return bytes;
    }

    // {"some":"/"} with '/' written as the overlong two-byte form C0 AF.
    private static byte[] Overlong() => [.. "{\"some\":\""u8, 0xc0, 0xaf, .. "\"}"u8];

    // An object nested `depth` deep counting the root: {"a":{"a":…{}}}.
    private static string Nested(int depth, string rootMembers = "")
    {
        var builder = new StringBuilder();
        builder.Append('{').Append(rootMembers);
        for (var i = 1; i < depth; i++)
        {
            builder.Append("\"a\":{");
        }

        builder.Append('}', depth);
        return builder.ToString();
    }
}
