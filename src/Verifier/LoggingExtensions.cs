using Microsoft.Extensions.Logging;

namespace Identity.Verifier;

/// <summary>Log messages of Identity.Verifier (event ids 3000-3999): codes and counts only, never a token, DID, claim or key.</summary>
internal static partial class LoggingExtensions
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Debug, Message = "Presentation verified: {CredentialCount} credential(s).")]
    public static partial void PresentationValidated(this ILogger logger, int credentialCount);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Presentation refused: {Code}.")]
    public static partial void PresentationRefused(this ILogger logger, string code);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Presentation refused by the OnPresentationValidated event.")]
    public static partial void PresentationRejectedByEvent(this ILogger logger);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Challenge refused: the nonce store is full or unavailable.")]
    public static partial void NonceStoreFull(this ILogger logger);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Challenge refused: rate limit reached for a client.")]
    public static partial void ChallengeRateLimited(this ILogger logger);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Signed in by presentation with scheme {CookieScheme}.")]
    public static partial void SignedIn(this ILogger logger, string cookieScheme);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Information, Message = "Verification warm-up: {Rounds} rounds in {Milliseconds:0} ms on the {Implementation} secp256k1.")]
    public static partial void WarmupCompleted(this ILogger logger, int rounds, double milliseconds, string implementation);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Error, Message = "Verification warm-up found problems: {Problems}")]
    public static partial void WarmupProblems(this ILogger logger, string problems);

    [LoggerMessage(EventId = 3032, Level = LogLevel.Warning, Message = "This process sees one CPU and the tier-up delay is not set: .NET may keep verification on unoptimized code (about 60 % speed). Set the runtime option System.Runtime.TieredCompilation.CallCountingDelayMs to 0 (RuntimeHostConfigurationOption) or DOTNET_TC_CallCountingDelayMs=0; docs/performance.md, \"One CPU\".")]
    public static partial void TierUpMayStall(this ILogger logger);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Error, Message = "Presentation refused: the nonce store failed ({ExceptionType}).")]
    public static partial void NonceStoreUnavailable(this ILogger logger, string exceptionType);
}
