using Identity.Shared.Verification;
using Identity.Shared.Verification.Steps;

namespace Identity.Shared.Tests.Verification.Steps;

/// <summary>did-jwt's time rules (JWT.ts verifyJWT): nbf, else iat, not after now + skew; exp not at or before now − skew.</summary>
public sealed class TimeTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(300);

    // name, nbf, iat, exp (seconds relative to now), expected code (null: valid)
    public static TheoryData<string, int?, int?, int?, string?> Cases => new()
    {
        { "no times at all", null, null, null, null },
        { "nbf in the past", -3600, null, null, null },
        { "nbf exactly now + skew (inclusive)", 300, null, null, null },
        { "nbf one second past the skew", 301, null, null, "not_yet_valid" },
        { "iat in the future without nbf", null, 301, null, "not_yet_valid" },
        { "iat in the future ignored when nbf is valid", -10, 3600, null, null },
        { "iat within the skew", null, 299, null, null },
        { "exp in the future", null, null, 3600, null },
        { "exp within the skew (still valid)", null, null, -299, null },
        { "exp exactly now - skew (expired: <=)", null, null, -300, "expired" },
        { "exp long ago", null, null, -86_400, "expired" },
        { "not yet valid wins over expired", 3600, null, -3600, "not_yet_valid" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_Case_GivesDidJwtVerdict(string name, int? nbf, int? iat, int? exp, string? expected)
    {
        var error = TimeStep.Check(At(nbf), At(iat), At(exp), Now, Skew, "credential");

        Assert.True(expected == error?.Code.Value, $"{name}: expected {expected ?? "valid"}, got {error?.Code.Value ?? "valid"}");
    }

    [Fact]
    public void Check_ZeroSkew_ExpiresAtTheSecond()
    {
        Assert.Equal(VerificationErrorCode.Expired, TimeStep.Check(null, null, Now, Now, TimeSpan.Zero, "token")?.Code);
        Assert.Null(TimeStep.Check(null, null, Now.AddSeconds(1), Now, TimeSpan.Zero, "token"));
    }

    [Fact]
    public void Check_Failure_MessageNamesWhatButNoValue()
    {
        var error = TimeStep.Check(null, null, Now.AddDays(-1), Now, Skew, "presentation");

        Assert.Equal("The presentation has expired.", error?.Message);
    }

    private static DateTimeOffset? At(int? seconds) => seconds is { } s ? Now.AddSeconds(s) : null;
}
