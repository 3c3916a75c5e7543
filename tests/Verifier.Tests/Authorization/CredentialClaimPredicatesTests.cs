using System.Text.Json;
using Identity.Verifier.Authorization;

namespace Identity.Verifier.Tests.Authorization;

/// <summary>The ready-made claim conditions: age from a FHIR date (full or partial) and recency of a date-time.</summary>
public sealed class CredentialClaimPredicatesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("\"2008-06-01\"", true)]
    [InlineData("\"2008-06-02\"", false)]
    [InlineData("\"2008-05\"", true)]
    [InlineData("\"2008-06\"", false)]
    [InlineData("\"2007\"", true)]
    [InlineData("\"2008\"", false)]
    [InlineData("\"01/06/2008\"", false)]
    [InlineData("19900401", false)]
    [InlineData("null", false)]
    public void AgeAtLeast_18_ByBirthDate(string json, bool expected) =>
        Assert.Equal(expected, CredentialClaimPredicates.AgeAtLeast(18)(Parse(json), Now));

    [Theory]
    [InlineData("\"2026-05-02T12:00:00Z\"", true)]
    [InlineData("\"2026-05-02T11:59:59Z\"", false)]
    [InlineData("\"2026-05-31T08:30:00+02:00\"", true)]
    [InlineData("\"2026-05-15\"", true)]
    [InlineData("\"2026-06-01T12:10:00Z\"", false)]
    [InlineData("\"yesterday\"", false)]
    [InlineData("42", false)]
    public void Within_30Days_ByDateTime(string json, bool expected) =>
        Assert.Equal(expected, CredentialClaimPredicates.Within(TimeSpan.FromDays(30))(Parse(json), Now));

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
