namespace Identity.Issuer.Storage;

/// <summary>
/// One audit entry: who did what to which credential, when. Never holds health data: <see cref="Detail"/> is
/// for codes and reasons such as "suspended: lost device".
/// </summary>
public sealed record AuditRecord(DateTimeOffset At, string Actor, string Action, string CredentialId, string? Detail);
