using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Shared.Tests.Jose;

/// <summary>Published keys and tokens shared by the JOSE tests.</summary>
internal static class JwsTestTokens
{
    /// <summary>did-jwt's JWT.test.ts secp256k1 key.</summary>
    public const string DidJwtPrivateKeyHex = "278a5de700e29faae8e40e366ec5012b5ec63d36ec77e8a2417154cc1d25383f";

    public const string DidJwtCompressedPublicKeyHex = "03fdd57adec3d438ea237fe46b33ee1e016eda6b585c3e27ea66686c2ea5358479";

    public const string DidJwtAddress = "0xf3beac30c498d9e26865f34fcaa57dbb935b0d74";

    /// <summary>did-jwt JWT.test.ts: createJWS({ some: 'data' }, signer) with header { alg: 'ES256K' }.</summary>
    public const string DidJwtCreateJws = "eyJhbGciOiJFUzI1NksifQ.eyJzb21lIjoiZGF0YSJ9.dblNz-7BVLknOFIBPmt5VTG0MDls_Q69WI8OfQuqNdUp4y50-b8Ubn0xujm1ijfmfqRunpks5TyWqgMsQkR_GQ";

    /// <summary>did-jwt snapshot "createJWT() ES256K creates a JWT with correct format": data '.' signature.</summary>
    public const string DidJwtCreateJwtSnapshot =
        "eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NksifQ.eyJpYXQiOjE0ODUzMjExMzMsInJlcXVlc3RlZCI6WyJuYW1lIiwicGhvbmUiXSwiaXNzIjoiZGlkOmV0aHI6MHhmM2JlYWMzMGM0OThkOWUyNjg2NWYzNGZjYWE1N2RiYjkzNWIwZDc0In0" +
        ".tU96omPNxCfQoEADOpLywXUDCMjKXOfTaG61EZwmfvE2U86veykt8M9wJwhEpioMcCPJ280TUFmu6TcvXsqdRQ";

    /// <summary>RFC 8037 A.1: the Ed25519 private seed d and public key x.</summary>
    public const string Rfc8037D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";

    public const string Rfc8037X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

    /// <summary>RFC 8037 A.3: the thumbprint of the A.1 key.</summary>
    public const string Rfc8037Thumbprint = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";

    /// <summary>RFC 8037 A.4: "Example of Ed25519 signing" signed with the A.1 key.</summary>
    public const string Rfc8037Jws = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

    /// <summary>RFC 9449 §4.3 (Figure 2): a DPoP proof, ES256 with the key embedded as jwk.</summary>
    public const string Rfc9449Proof =
        "eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwieCI6Imw4dEZyaHgtMzR0VjNoUklDUkRZOXpDa0RscEJoRjQyVVFVZldWQVdCRnMiLCJ5IjoiOVZFNGpmX09rX282NHpiVFRsY3VOSmFqSG10NnY5VERWclUwQ2R2R1JEQSIsImNydiI6IlAtMjU2In19" +
        ".eyJqdGkiOiItQndDM0VTYzZhY2MybFRjIiwiaHRtIjoiUE9TVCIsImh0dSI6Imh0dHBzOi8vc2VydmVyLmV4YW1wbGUuY29tL3Rva2VuIiwiaWF0IjoxNTYyMjYyNjE2fQ" +
        ".2-GxA6T8lP4vfrg8v-FdWP0A0zdrj8igiMLvqRMUvwnQg4PtFLbdLXiOSsX0x7NVY-FNyJK70nfbV37xRZT3Lg";

    /// <summary>RFC 9449 §6.1 (Figure 8/9): the jkt of the proof's key.</summary>
    public const string Rfc9449Thumbprint = "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I";

    public static PrivateKey DidJwtKey() => PrivateKey.Import(KeyType.Secp256k1, Hex.Decode(DidJwtPrivateKeyHex));

    public static PrivateKey Rfc8037Key() => PrivateKey.Import(KeyType.Ed25519, Base64UrlStrict.Decode(Rfc8037D));

    /// <summary>base64url of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string Segment(string text) => Base64UrlStrict.Encode(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>base64url of raw bytes.</summary>
    public static string Segment(byte[] bytes) => Base64UrlStrict.Encode(bytes);

    /// <summary>A syntactically valid 64-byte signature segment (it verifies with nothing).</summary>
    public static string Signature64 { get; } = Base64UrlStrict.Encode(new byte[64]);
}
