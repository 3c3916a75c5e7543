using Identity.Shared.Verification.Steps;

namespace Identity.Shared.Tests.Verification.Steps;

public sealed class AudienceNonceTests
{
    private const string Verifier = "https://clinic.example";
    private const string Nonce = "n-0S6_WzA2Mj";

    // name, aud, nonce, expected code (null: accepted)
    public static TheoryData<string, string[], string?, string?> Cases => new()
    {
        { "single audience and nonce", [Verifier], Nonce, null },
        { "one of several audiences", ["https://other.example", Verifier], Nonce, null },
        { "no audience", [], Nonce, "audience_mismatch" },
        { "another audience", ["https://other.example"], Nonce, "audience_mismatch" },
        { "audience differs by a trailing slash", [Verifier + "/"], Nonce, "audience_mismatch" },
        { "audience differs in case", [Verifier.ToUpperInvariant()], Nonce, "audience_mismatch" },
        { "no nonce", [Verifier], null, "nonce_mismatch" },
        { "another nonce", [Verifier], "n-0S6_WzA2Mk", "nonce_mismatch" },
        { "nonce prefix", [Verifier], Nonce[..^1], "nonce_mismatch" },
        { "empty nonce", [Verifier], "", "nonce_mismatch" },
        { "wrong audience reported before wrong nonce", ["https://other.example"], "x", "audience_mismatch" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_Case_GivesVerdict(string name, string[] audience, string? nonce, string? expected)
    {
        var error = AudienceNonceStep.Check(audience, nonce, Verifier, Nonce);

        Assert.True(expected == error?.Code.Value, $"{name}: expected {expected ?? "accepted"}, got {error?.Code.Value ?? "accepted"}");
    }
}
