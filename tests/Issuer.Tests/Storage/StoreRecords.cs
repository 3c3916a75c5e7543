using System.Security.Cryptography;
using Identity.Issuer.Storage;

namespace Identity.Issuer.Tests.Storage;

/// <summary>Records for store tests.</summary>
internal static class StoreRecords
{
    public static readonly DateTimeOffset IssuedAt = new(2026, 11, 30, 12, 0, 0, 123, TimeSpan.Zero);

    public static IssuedCredentialRecord Credential(StatusListEntry entry, string? id = null) => new()
    {
        Id = id ?? "urn:uuid:" + Guid.NewGuid(),
        Type = "PatientIdentityCredential",
        SubjectDid = "did:ethr:0x1:0x8ba1f109551bd432803012645ac136ddd64dba72",
        Format = "vc2-jwt",
        IssuedAt = IssuedAt.AddTicks(7),
        ExpiresAt = IssuedAt.AddDays(365),
        Status = entry,
        TokenSha256 = SHA256.HashData(RandomNumberGenerator.GetBytes(16)),
        ClaimsJson = """{"name":"Jane Doe"}""",
        IssuedBy = "staff:alice",
    };

    public static AuditRecord Issued(IssuedCredentialRecord credential) =>
        new(credential.IssuedAt, credential.IssuedBy, "issued", credential.Id, null);
}
