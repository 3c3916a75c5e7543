using Identity.Shared.Jose;

namespace Identity.Shared.Verification;

/// <summary>The policy of one verification: clock skew, trust, status checking and holder binding.</summary>
public sealed record VerificationOptions
{
    /// <summary>The defaults: 5 minutes of skew (did-jwt's), any issuer, status checked, holder bound.</summary>
    public static VerificationOptions Default { get; } = new();

    /// <summary>Tolerance for the clocks of issuer, holder and verifier.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Which issuers are trusted.</summary>
    public TrustPolicy Trust { get; init; } = TrustPolicy.Unrestricted;

    /// <summary>Whether <c>credentialStatus</c> is checked; a credential with a status entry fails closed when it cannot be.</summary>
    public bool CheckStatus { get; init; } = true;

    /// <summary>Whether the presentation's holder must be the subject of every credential it presents.</summary>
    public bool RequireHolderBinding { get; init; } = true;

    /// <summary>Limits of the JWS parser (token size, header size, JSON depth).</summary>
    public JwsParseOptions Jws { get; init; } = JwsParseOptions.Default;

    /// <summary>The instant to verify at instead of the clock (the CLI's <c>--at</c>); null: now.</summary>
    public DateTimeOffset? At { get; init; }
}
