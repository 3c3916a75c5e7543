using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Identity.Issuer.Api;
using Identity.Issuer.CredentialTypes;
using Identity.Issuer.HolderProofs;
using Identity.Issuer.Keys;
using Identity.Issuer.Storage;
using Identity.Shared.Credentials;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.StatusLists;
using Microsoft.Extensions.Options;
using SharedCredentialTypes = Identity.Shared.Credentials.CredentialTypes;

namespace Identity.Issuer.Issuance;

/// <summary>
/// Mints one credential, in order, stopping at the first failure: request shape (subject, format, algorithm,
/// validity) → claims and evidence against the type → holder proof (or an allowed waiver) → a status entry →
/// build and sign → store with its audit record. The answer is given only once the store has committed it.
/// </summary>
internal sealed class CredentialIssuanceService(
    IIssuerStore store,
    IIssuerKeyRing keys,
    ICredentialTypeCatalog catalog,
    ClaimsValidator claimsValidator,
    EvidenceValidator evidenceValidator,
    HolderProofVerifier holderProofs,
    IOptions<IssuerOptions> options,
    IOptions<IssuerStorageOptions> storage,
    TimeProvider time)
{
    public async Task<(IssuedCredential? Credential, IssuerError? Error)> IssueAsync(IssuanceRequest request, string actor, bool mayWaiveHolderProof, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        if (!Did.TryParse(request.Subject, out _) || request.Subject.Contains('#', StringComparison.Ordinal))
        {
            return (null, IssuerError.InvalidSubject);
        }

        if (request.Format is not (IssuanceFormats.Vc1Jwt or IssuanceFormats.Vc2Jwt))
        {
            return (null, IssuerError.UnsupportedFormat);
        }

        if (!TryGetKey(request.Algorithm, out var key))
        {
            return (null, IssuerError.UnsupportedAlgorithm);
        }

        var validFrom = request.ValidFrom ?? now;
        var validUntil = request.ValidUntil ?? (settings.DefaultValidity is { } validity ? validFrom + validity : null);
        if (validUntil is { } until && until <= validFrom)
        {
            return (null, IssuerError.InvalidValidity("validUntil must be after validFrom."));
        }

        if (!catalog.TryGet(request.Type, out var definition))
        {
            return (null, IssuerError.Claims(new ClaimsValidationError(ClaimsErrorCode.UnknownType, "The credential type is not in this issuer's catalog.", string.Empty)));
        }

        var claimsCheck = claimsValidator.Validate(definition, request.Claims);
        if (!claimsCheck.IsValid)
        {
            return (null, IssuerError.Claims(claimsCheck.Error));
        }

        var evidenceCheck = evidenceValidator.Validate(request.Evidence);
        if (!evidenceCheck.IsValid)
        {
            return (null, IssuerError.Claims(evidenceCheck.Error));
        }

        if (request.WaiveHolderProof)
        {
            if (!mayWaiveHolderProof)
            {
                return (null, IssuerError.WaiverNotAllowed);
            }
        }
        else if (request.HolderProof is null)
        {
            return (null, IssuerError.HolderProofRequired);
        }
        else if (await holderProofs.VerifyAsync(request.HolderProof, request.Subject, cancellationToken).ConfigureAwait(false) is { } proofError)
        {
            return (null, proofError);
        }

        var entry = await store.ReserveStatusEntryAsync(cancellationToken).ConfigureAwait(false);
        var baseUrl = settings.PublicBaseUrl!;
        var revocationList = IssuerUrls.StatusList(baseUrl, entry.ListNumber, StatusPurposes.Revocation);
        var suspensionList = IssuerUrls.StatusList(baseUrl, entry.ListNumber, StatusPurposes.Suspension);
        var id = "urn:uuid:" + Guid.NewGuid().ToString("D");
        var version = request.Format == IssuanceFormats.Vc1Jwt ? DataModelVersion.V1_1 : DataModelVersion.V2_0;
        var json = Build(version, id, keys.IssuerDid, definition, request, validFrom, validUntil, entry, revocationList, suspensionList, baseUrl);
        var credential = VerifiableCredential.Create(json);
        var signing = new JwtSigningOptions { KeyId = key.KeyId };
        var token = version == DataModelVersion.V1_1
            ? await VcJwt.SignCredentialAsync(credential, key.Signer, signing, cancellationToken).ConfigureAwait(false)
            : await VcJoseCose.SignCredentialAsync(credential, key.Signer, signing, cancellationToken).ConfigureAwait(false);

        var record = new IssuedCredentialRecord
        {
            Id = id,
            Type = definition.Name,
            SubjectDid = request.Subject,
            Format = request.Format,
            IssuedAt = now,
            ExpiresAt = validUntil,
            Status = entry,
            TokenSha256 = SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token)),
            ClaimsJson = storage.Value.KeepClaims ? request.Claims.ToJsonString() : null,
            IssuedBy = actor,
        };
        var detail = $"type={definition.Name} format={request.Format} list={entry.ListNumber} index={entry.Index}" + (request.WaiveHolderProof ? " holder_proof=waived" : " holder_proof=verified");
        await store.SaveIssuedAsync(record, new AuditRecord(now, actor, "issue", id, detail), cancellationToken).ConfigureAwait(false);
        return (new IssuedCredential(id, token, request.Format, definition.Name, entry, revocationList, suspensionList, now, validUntil), null);
    }

    private bool TryGetKey(string? algorithmName, out IssuerKey key)
    {
        key = null!;
        SignatureAlgorithm? algorithm = null;
        if (algorithmName is not null && !SignatureAlgorithm.TryGet(algorithmName, out algorithm))
        {
            return false;
        }

        try
        {
            key = keys.ActiveKey(algorithm);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static JsonObject Build(
        DataModelVersion version,
        string id,
        string issuer,
        CredentialTypeDefinition definition,
        IssuanceRequest request,
        DateTimeOffset validFrom,
        DateTimeOffset? validUntil,
        StatusListEntry entry,
        Uri revocationList,
        Uri suspensionList,
        Uri baseUrl)
    {
        var contexts = new JsonArray(version == DataModelVersion.V1_1 ? CredentialContexts.V1 : CredentialContexts.V2);
        if (version == DataModelVersion.V1_1)
        {
            // VCDM 1.1 does not define BitstringStatusListEntry: its context must be named.
            contexts.Add(CredentialContexts.BitstringStatusList);
        }

        foreach (var context in definition.Contexts)
        {
            contexts.Add(context);
        }

        var (from, until) = version == DataModelVersion.V1_1 ? ("issuanceDate", "expirationDate") : ("validFrom", "validUntil");
        var json = new JsonObject
        {
            ["@context"] = contexts,
            ["id"] = id,
            ["type"] = new JsonArray(SharedCredentialTypes.VerifiableCredential, definition.Name),
            ["issuer"] = issuer,
            [from] = VerifiableCredential.FormatDate(validFrom),
        };
        if (validUntil is { } end)
        {
            json[until] = VerifiableCredential.FormatDate(end);
        }

        json["credentialSubject"] = CredentialSubjectBuilder.BuildSubject(request.Subject, request.Claims);
        json["credentialStatus"] = new JsonArray(
            StatusEntry(StatusPurposes.Revocation, entry, revocationList),
            StatusEntry(StatusPurposes.Suspension, entry, suspensionList));
        json["credentialSchema"] = CredentialSubjectBuilder.BuildCredentialSchema(baseUrl, definition, version);
        if (request.Evidence is { } evidence)
        {
            json["evidence"] = CredentialSubjectBuilder.BuildEvidence(evidence);
        }

        return json;
    }

    private static JsonObject StatusEntry(string purpose, StatusListEntry entry, Uri list) =>
        new BitstringStatusListEntry
        {
            Id = list.AbsoluteUri + "#" + entry.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StatusPurpose = purpose,
            StatusListIndex = entry.Index,
            StatusListCredential = list.AbsoluteUri,
        }.ToJsonObject();
}
