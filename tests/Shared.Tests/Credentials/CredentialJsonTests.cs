using System.Globalization;
using Identity.Shared.Credentials;

namespace Identity.Shared.Tests.Credentials;

/// <summary>The hand-written dateTimeStamp parser against the BCL's ISO 8601 parser on the same instants.</summary>
public sealed class CredentialJsonTests
{
    public static TheoryData<string, string> Valid => new()
    {
        { "2025-01-01T00:00:00Z", "2025-01-01T00:00:00.0000000+00:00" },
        { "2010-01-01T19:23:24.000Z", "2010-01-01T19:23:24.0000000+00:00" },
        { "2024-02-29T23:59:59.1234567+05:30", "2024-02-29T23:59:59.1234567+05:30" },
        { "2024-02-29T23:59:59.123456789-14:00", "2024-02-29T23:59:59.1234567-14:00" },
        { "0001-01-01T00:00:00Z", "0001-01-01T00:00:00.0000000+00:00" },
        { "9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59.9999999+00:00" },
        { "2030-06-15T08:00:00-00:00", "2030-06-15T08:00:00.0000000+00:00" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void TryParseDateTimeStamp_Valid_GivesTheInstantAndOffset(string text, string roundTrip)
    {
        Assert.True(CredentialJson.TryParseDateTimeStamp(text, out var value));
        var expected = DateTimeOffset.ParseExact(roundTrip, "o", CultureInfo.InvariantCulture);
        Assert.Equal(expected, value);
        Assert.Equal(expected.Offset, value.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2025-01-01T00:00:00")]
    [InlineData("2025-01-01 00:00:00Z")]
    [InlineData("2025-01-01T00:00:00z")]
    [InlineData("2025-01-01T00:00:00.Z")]
    [InlineData("2025-01-01T00:00:00Z\n")]
    [InlineData("2025-13-01T00:00:00Z")]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2025-01-01T24:00:00Z")]
    [InlineData("2025-01-01T00:60:00Z")]
    [InlineData("2025-01-01T00:00:60Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2025-01-01T00:00:00+14:01")]
    [InlineData("2025-01-01T00:00:00+01:60")]
    [InlineData("2025-01-01T00:00:00+0100")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("٢٠٢٥-01-01T00:00:00Z")]
    public void TryParseDateTimeStamp_Invalid_False(string? text)
    {
        Assert.False(CredentialJson.TryParseDateTimeStamp(text, out _));
    }
}
