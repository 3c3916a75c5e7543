using System.Globalization;
using System.Text.Json;

namespace Identity.Verifier.Authorization;

/// <summary>Ready-made conditions on a claim value for <c>RequireCredentialClaim</c>; each is false for a value of the wrong shape.</summary>
public static class CredentialClaimPredicates
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];

    /// <summary>A FHIR date (<c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c>) at least <paramref name="years"/> years before now: "is 18 or older".</summary>
    public static Func<JsonElement, DateTimeOffset, bool> AgeAtLeast(int years)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        return (value, now) =>
        {
            if (!TryReadDate(value, out var birth, out var precision))
            {
                return false;
            }

            // A partial date counts from the end of its period: someone born "2008" is 18 only once 2026 has ended.
            var latestBirth = precision switch
            {
                1 => new DateOnly(birth.Year, 12, 31),
                2 => new DateOnly(birth.Year, birth.Month, DateTime.DaysInMonth(birth.Year, birth.Month)),
                _ => birth,
            };
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            return latestBirth.AddYears(years) <= today;
        };
    }

    /// <summary>A date-time (or FHIR date) no older than <paramref name="maxAge"/> and not in the future beyond five minutes: "newer than 30 days".</summary>
    public static Func<JsonElement, DateTimeOffset, bool> Within(TimeSpan maxAge)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxAge.Ticks);
        return (value, now) =>
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            var text = value.GetString()!;
            DateTimeOffset at;
            if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                at = instant;
            }
            else if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                at = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }
            else
            {
                return false;
            }

            return at >= now - maxAge && at <= now + TimeSpan.FromMinutes(5);
        };
    }

    /// <summary>A string equal (ordinal) to <paramref name="expected"/>.</summary>
    public static Func<JsonElement, DateTimeOffset, bool> EqualTo(string expected) =>
        (value, _) => value.ValueKind == JsonValueKind.String && string.Equals(value.GetString(), expected, StringComparison.Ordinal);

    private static bool TryReadDate(JsonElement value, out DateOnly date, out int precision)
    {
        date = default;
        precision = 0;
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var text = value.GetString()!;
        for (var i = 0; i < DateFormats.Length; i++)
        {
            if (DateOnly.TryParseExact(text, DateFormats[i], CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                precision = 3 - i;
                return true;
            }
        }

        return false;
    }
}
