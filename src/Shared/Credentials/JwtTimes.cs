using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Identity.Shared.Verification;

namespace Identity.Shared.Credentials;

/// <summary>The NumericDate claims of a payload, checked as did-jwt-vc checks them: whole seconds, below 10^11 (not milliseconds).</summary>
internal sealed record JwtTimes(DateTimeOffset? IssuedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? NotBefore)
{
    private const long MaxSeconds = 100_000_000_000;

    public static bool TryRead(JsonElement payload, [NotNullWhen(true)] out JwtTimes? times, [NotNullWhen(false)] out VerificationError? error)
    {
        times = null;
        if (!TryReadOne(payload, "iat", out var iat, out error) ||
            !TryReadOne(payload, "exp", out var exp, out error) ||
            !TryReadOne(payload, "nbf", out var nbf, out error))
        {
            return false;
        }

        times = new JwtTimes(ToDate(iat), ToDate(exp), ToDate(nbf));
        return true;
    }

    /// <summary>Reads a NumericDate claim as seconds; null when absent.</summary>
    public static bool TryReadOne(JsonElement payload, string name, out long? seconds, [NotNullWhen(false)] out VerificationError? error)
    {
        seconds = null;
        error = null;
        if (!payload.TryGetProperty(name, out var value))
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var parsed) || parsed < 0 || parsed >= MaxSeconds)
        {
            error = CredentialJson.Malformed($"The JWT claim {name} is not a unix timestamp in whole seconds.");
            return false;
        }

        seconds = parsed;
        return true;
    }

    private static DateTimeOffset? ToDate(long? seconds) => seconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
}
