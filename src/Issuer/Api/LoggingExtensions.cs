namespace Identity.Issuer;

/// <summary>
/// Log messages of the issuer's API, event ids 2000–2099 (Identity.Issuer uses 2000–2999). They carry codes, types
/// and status positions; never a subject DID, a claim, a token or a key.
/// </summary>
internal static partial class LoggingExtensions
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Issued a {Type} ({Format}) at status list {List} index {Index} for {Actor}.")]
    public static partial void CredentialIssued(this ILogger logger, string type, string format, int list, int index, string actor);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Issuance refused: {Code}.")]
    public static partial void IssuanceRefused(this ILogger logger, string code);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Status change {Action} by {Actor}: {Outcome}.")]
    public static partial void StatusChanged(this ILogger logger, string action, string actor, Storage.StatusChangeOutcome outcome);

    [LoggerMessage(EventId = 2090, Level = LogLevel.Error, Message = "The request failed in the service.")]
    public static partial void RequestFailed(this ILogger logger, Exception exception);
}
