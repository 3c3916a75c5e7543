namespace Identity.Issuer.Storage;

/// <summary>One status change of a credential.</summary>
public sealed record StatusHistoryEntry(CredentialState State, DateTimeOffset At, string Actor, string? Reason);
