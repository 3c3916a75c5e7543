using Identity.Issuer.Storage;

namespace Identity.Issuer.Issuance;

/// <summary>A credential minted and stored: its id, the signed token and where its status is published.</summary>
public sealed record IssuedCredential(
    string Id,
    string Credential,
    string Format,
    string Type,
    StatusListEntry Status,
    Uri RevocationList,
    Uri SuspensionList,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt);
