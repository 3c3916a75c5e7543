using Identity.Issuer.Issuance;

namespace Identity.Issuer.Api;

/// <summary>The answer to an issuance: the signed credential and where its status is published.</summary>
public sealed record CredentialIssuedResponse(
    string Id,
    string Credential,
    string Format,
    string Type,
    StatusReference Status,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt)
{
    internal static CredentialIssuedResponse From(IssuedCredential issued) => new(
        issued.Id,
        issued.Credential,
        issued.Format,
        issued.Type,
        new StatusReference(issued.Status.ListNumber, issued.Status.Index, issued.RevocationList.AbsoluteUri, issued.SuspensionList.AbsoluteUri),
        issued.IssuedAt,
        issued.ExpiresAt);
}
