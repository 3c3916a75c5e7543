using System.Text.Json;

namespace Identity.Shared.Verification;

/// <summary>What a verified credential says: its issuer, subject, types and subject claims.</summary>
public sealed record CredentialSummary(string Issuer, string? Subject, IReadOnlyList<string> Types, JsonElement Claims);
