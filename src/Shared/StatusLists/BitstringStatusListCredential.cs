using System.Text.Json.Nodes;
using Identity.Shared.Credentials;

namespace Identity.Shared.StatusLists;

/// <summary>
/// Builds the unsigned status list credential an issuer publishes (v1.0 §2.2); secure it like any credential
/// (<see cref="VcJoseCose"/> for VCDM 2.0, <see cref="VcJwt"/> for 1.1) and serve it at <paramref name="id"/>.
/// </summary>
public static class BitstringStatusListCredential
{
    /// <summary>
    /// A <c>BitstringStatusListCredential</c>. VCDM 2.0 uses <c>validFrom</c>/<c>validUntil</c>; VCDM 1.1 adds the
    /// status context and needs <paramref name="validFrom"/> as its required <c>issuanceDate</c>.
    /// </summary>
    /// <param name="id">The URL the list is served at (the entries' <c>statusListCredential</c>).</param>
    /// <param name="issuer">The issuer's DID.</param>
    /// <param name="purposes">One or more status purposes.</param>
    /// <param name="list">The bits.</param>
    /// <param name="version">The data model.</param>
    /// <param name="validFrom">The start of validity (issuanceDate in 1.1).</param>
    /// <param name="validUntil">The end of validity, when the issuer promises a fresh list before then.</param>
    /// <param name="timeToLive">The caching hint <c>ttl</c>, written in milliseconds.</param>
    /// <exception cref="ArgumentException">Missing purposes, or 1.1 without <paramref name="validFrom"/>.</exception>
    public static VerifiableCredential Create(
        string id,
        string issuer,
        IReadOnlyList<string> purposes,
        BitstringStatusList list,
        DataModelVersion version = DataModelVersion.V2_0,
        DateTimeOffset? validFrom = null,
        DateTimeOffset? validUntil = null,
        TimeSpan? timeToLive = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        ArgumentNullException.ThrowIfNull(purposes);
        ArgumentNullException.ThrowIfNull(list);
        if (purposes.Count == 0)
        {
            throw new ArgumentException("A status list has at least one purpose.", nameof(purposes));
        }

        if (version == DataModelVersion.V1_1 && validFrom is null)
        {
            throw new ArgumentException("A VCDM 1.1 credential needs an issuanceDate: pass validFrom.", nameof(validFrom));
        }

        var subject = new JsonObject
        {
            ["id"] = id + "#list",
            ["type"] = StatusListCredential.SubjectType,
            ["statusPurpose"] = purposes.Count == 1 ? purposes[0] : new JsonArray([.. purposes.Select(static p => JsonValue.Create(p))]),
            ["encodedList"] = list.Encode(),
        };
        if (timeToLive is { } ttl)
        {
            subject["ttl"] = (long)ttl.TotalMilliseconds;
        }

        var json = new JsonObject
        {
            ["@context"] = version == DataModelVersion.V2_0
                ? new JsonArray(CredentialContexts.V2)
                : new JsonArray(CredentialContexts.V1, CredentialContexts.BitstringStatusList),
            ["id"] = id,
            ["type"] = new JsonArray(CredentialTypes.VerifiableCredential, StatusListCredential.CredentialType),
            ["issuer"] = issuer,
        };
        var (from, until) = version == DataModelVersion.V2_0 ? ("validFrom", "validUntil") : ("issuanceDate", "expirationDate");
        if (validFrom is { } start)
        {
            json[from] = VerifiableCredential.FormatDate(start);
        }

        if (validUntil is { } end)
        {
            json[until] = VerifiableCredential.FormatDate(end);
        }

        json["credentialSubject"] = subject;
        return VerifiableCredential.Create(json);
    }
}
