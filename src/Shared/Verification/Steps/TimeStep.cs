namespace Identity.Shared.Verification.Steps;

/// <summary>
/// Time: not before <c>nbf</c> (or, without it, <c>iat</c>) and not at or after <c>exp</c>, each with the configured
/// clock skew — did-jwt's rules, so that both sides give the same verdict at the same instant.
/// </summary>
internal static class TimeStep
{
    public static VerificationError? Check(DateTimeOffset? notBefore, DateTimeOffset? issuedAt, DateTimeOffset? expires, DateTimeOffset now, TimeSpan clockSkew, string what)
    {
        var start = notBefore ?? issuedAt;
        if (start is { } validFrom && validFrom > now + clockSkew)
        {
            return new VerificationError(VerificationErrorCode.NotYetValid, $"The {what} is not valid yet.");
        }

        if (expires is { } validUntil && validUntil <= now - clockSkew)
        {
            return new VerificationError(VerificationErrorCode.Expired, $"The {what} has expired.");
        }

        return null;
    }
}
