using System.Text.Json;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Shared.Tests.Crypto;

public sealed class JwkTests
{
    // RFC 8037 A.1.
    private const string Ed25519D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    private const string Ed25519X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

    // did-jwt's test key; coordinates and thumbprint computed independently with @noble/curves and node's
    // crypto (JSON.stringify of {crv,kty,x,y}, SHA-256): no RFC publishes a secp256k1 thumbprint.
    private const string Secp256k1D = "J4pd5wDin6ro5A42bsUBK17GPTbsd-iiQXFUzB0lOD8";
    private const string Secp256k1X = "_dV63sPUOOojf-RrM-4eAW7aa1hcPifqZmhsLqU1hHk";
    private const string Secp256k1Y = "Rjk_gUUlLupor-Z-KHs-2bMWhbpsOwAGCnO5sSQtaPc";
    private const string Secp256k1Thumbprint = "b9FJ1I8L3fvFJ3FIah3x5-Eo665sLuJ7RZpLIaORs0k";

    // RFC 9449 Figure 2 key and its jkt (Figures 8 and 9).
    private const string P256X = "l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs";
    private const string P256Y = "9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA";

    public static TheoryData<string, string> InvalidJwks => new()
    {
        { "not JSON", "{" },
        { "an array", "[]" },
        { "a string", "\"EC\"" },
        { "kty missing", $$"""{"crv":"Ed25519","x":"{{Ed25519X}}"}""" },
        { "crv missing", $$"""{"kty":"OKP","x":"{{Ed25519X}}"}""" },
        { "x missing", """{"kty":"OKP","crv":"Ed25519"}""" },
        { "kty not a string", $$"""{"kty":1,"crv":"Ed25519","x":"{{Ed25519X}}"}""" },
        { "x not a string", """{"kty":"OKP","crv":"Ed25519","x":null}""" },
        { "kid not a string", $$"""{"kty":"OKP","crv":"Ed25519","x":"{{Ed25519X}}","kid":7}""" },
        { "RSA", """{"kty":"RSA","n":"AQAB","e":"AQAB"}""" },
        { "X25519", $$"""{"kty":"OKP","crv":"X25519","x":"{{Ed25519X}}"}""" },
        { "P-384", $$"""{"kty":"EC","crv":"P-384","x":"{{P256X}}","y":"{{P256Y}}"}""" },
        { "curve name in wrong case", $$"""{"kty":"EC","crv":"SECP256K1","x":"{{Secp256k1X}}","y":"{{Secp256k1Y}}"}""" },
        { "Ed25519 with kty EC", $$"""{"kty":"EC","crv":"Ed25519","x":"{{Ed25519X}}"}""" },
        { "secp256k1 with kty OKP", $$"""{"kty":"OKP","crv":"secp256k1","x":"{{Secp256k1X}}","y":"{{Secp256k1Y}}"}""" },
        { "EC without y", $$"""{"kty":"EC","crv":"secp256k1","x":"{{Secp256k1X}}"}""" },
        { "OKP with y", $$"""{"kty":"OKP","crv":"Ed25519","x":"{{Ed25519X}}","y":"{{Ed25519X}}"}""" },
        { "x padded", $$"""{"kty":"OKP","crv":"Ed25519","x":"{{Ed25519X}}="}""" },
        { "x in standard base64", $$"""{"kty":"EC","crv":"secp256k1","x":"{{Secp256k1X.Replace('_', '/')}}","y":"{{Secp256k1Y}}"}""" },
        { "x too short", """{"kty":"OKP","crv":"Ed25519","x":"AAAA"}""" },
        { "y too long", $$"""{"kty":"EC","crv":"secp256k1","x":"{{Secp256k1X}}","y":"{{Secp256k1Y}}AAA"}""" },
        { "point off the curve", $$"""{"kty":"EC","crv":"secp256k1","x":"{{Secp256k1X}}","y":"{{Secp256k1X}}"}""" },
        { "P-256 point off the curve", $$"""{"kty":"EC","crv":"P-256","x":"{{P256X}}","y":"{{P256X}}"}""" },
        { "d of another key", $$"""{"kty":"EC","crv":"secp256k1","x":"{{Secp256k1X}}","y":"{{Secp256k1Y}}","d":"{{Ed25519D}}"}""" },
        { "d zero", $$"""{"kty":"EC","crv":"secp256k1","x":"{{Secp256k1X}}","y":"{{Secp256k1Y}}","d":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}""" },
        { "d too short", $$"""{"kty":"OKP","crv":"Ed25519","x":"{{Ed25519X}}","d":"AAAA"}""" },
        { "d not base64url", $$"""{"kty":"OKP","crv":"Ed25519","x":"{{Ed25519X}}","d":"{{Ed25519D}}=="}""" },
        { "duplicate x", $$"""{"kty":"OKP","crv":"Ed25519","x":"{{Secp256k1X}}","x":"{{Ed25519X}}"}""" },
        { "too deep", """{"kty":"OKP","crv":"Ed25519","x":[[[[[[[[[[]]]]]]]]]]}""" },
    };

    [Theory]
    [MemberData(nameof(InvalidJwks))]
    public void TryParse_InvalidJwk_ReturnsFalseWithError(string rule, string json)
    {
        var parsed = true;
        string? error = null;
        var exception = Record.Exception(() => parsed = Jwk.TryParse(json, out _, out error));

        Assert.Null(exception);
        Assert.False(parsed, rule);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotContain(Ed25519D, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Rfc8037PrivateKey_GivesTheKeyAndItsPublicPart()
    {
        Assert.True(Jwk.TryParse($$"""{"kty":"OKP","crv":"Ed25519","d":"{{Ed25519D}}","x":"{{Ed25519X}}"}""", out var jwk, out var error), error);

        Assert.True(jwk.HasPrivateKey);
        Assert.Equal(KeyType.Ed25519, jwk.KeyType);
        Assert.True(jwk.TryGetPrivateKey(out var key));
        using (key)
        {
            Assert.Equal(Ed25519X, Base64UrlStrict.Encode(key.PublicKey.Bytes));
        }
    }

    [Fact]
    public void ComputeThumbprint_Rfc8037A3_MatchesPublishedValue()
    {
        Assert.True(Jwk.TryParse($$"""{"kty":"OKP","crv":"Ed25519","x":"{{Ed25519X}}"}""", out var jwk, out _));
        Assert.Equal("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", jwk.ComputeThumbprint());
    }

    [Fact]
    public void ComputeThumbprint_IgnoresPrivateMemberAndKid()
    {
        Assert.True(Jwk.TryParse($$"""{"kid":"k1","d":"{{Ed25519D}}","x":"{{Ed25519X}}","crv":"Ed25519","kty":"OKP"}""", out var jwk, out _));
        Assert.Equal("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", jwk.ComputeThumbprint());
    }

    [Fact]
    public void ComputeThumbprint_Rfc9449P256Key_MatchesPublishedJkt()
    {
        Assert.True(Jwk.TryParse($$"""{"kty":"EC","x":"{{P256X}}","y":"{{P256Y}}","crv":"P-256"}""", out var jwk, out var error), error);
        Assert.Equal("0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I", jwk.ComputeThumbprint());
    }

    [Fact]
    public void ComputeThumbprint_Secp256k1Key_MatchesIndependentComputation()
    {
        using var key = PrivateKey.Import(KeyType.Secp256k1, Base64UrlStrict.Decode(Secp256k1D));
        var jwk = Jwk.FromPublicKey(key.PublicKey);

        Assert.Equal(Secp256k1X, jwk.X);
        Assert.Equal(Secp256k1Y, jwk.Y);
        Assert.Equal(Secp256k1Thumbprint, jwk.ComputeThumbprint());
    }

    [Theory]
    [InlineData(KeyType.Secp256k1)]
    [InlineData(KeyType.Ed25519)]
    [InlineData(KeyType.P256)]
    public void FromPrivateKey_RoundTripsThroughJson(KeyType type)
    {
        using var key = PrivateKey.Generate(type);
        var json = Jwk.FromPrivateKey(key, kid: "key-1").ToJson(includePrivate: true);

        Assert.True(Jwk.TryParse(json, out var parsed, out var error), error);
        Assert.Equal("key-1", parsed.Kid);
        Assert.True(parsed.TryGetPrivateKey(out var imported));
        using (imported)
        {
            Assert.Equal(key.PublicKey, imported.PublicKey);
        }
    }

    [Fact]
    public void ToString_PrivateJwk_ShowsNoPrivateMember()
    {
        Assert.True(Jwk.TryParse($$"""{"kty":"OKP","crv":"Ed25519","d":"{{Ed25519D}}","x":"{{Ed25519X}}"}""", out var jwk, out _));

        Assert.DoesNotContain(Ed25519D, jwk.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"d\"", jwk.ToJson(), StringComparison.Ordinal);
        Assert.Null(jwk.ToPublic().D);
    }

    [Fact]
    public void TryParse_JsonElementNotObject_ReturnsFalse()
    {
        using var document = JsonDocument.Parse("[1]");
        Assert.False(Jwk.TryParse(document.RootElement, out _, out var error));
        Assert.NotNull(error);
    }
}
