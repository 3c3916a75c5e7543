using Identity.Issuer.Storage;

namespace Identity.Issuer.Api;

/// <summary>What <c>GET /credentials/{id}</c> shows: metadata and status history, never the claims or the token.</summary>
public sealed record CredentialMetadataResponse(
    string Id,
    string Type,
    string Subject,
    string Format,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt,
    string State,
    int List,
    int Index,
    string IssuedBy,
    IReadOnlyList<StatusHistoryResponse> History)
{
    internal static CredentialMetadataResponse From(IssuedCredentialRecord record) => new(
        record.Id,
        record.Type,
        record.SubjectDid,
        record.Format,
        record.IssuedAt,
        record.ExpiresAt,
        StateName(record.State),
        record.Status.ListNumber,
        record.Status.Index,
        record.IssuedBy,
        [.. record.History.Select(h => new StatusHistoryResponse(StateName(h.State), h.At, h.Actor, h.Reason))]);

    internal static string StateName(CredentialState state) => state switch
    {
        CredentialState.Active => "active",
        CredentialState.Suspended => "suspended",
        _ => "revoked",
    };
}
