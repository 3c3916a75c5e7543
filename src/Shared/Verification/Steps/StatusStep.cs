using System.Runtime.CompilerServices;
using Identity.Shared.Credentials;
using Identity.Shared.Dids;
using Identity.Shared.StatusLists;

namespace Identity.Shared.Verification.Steps;

/// <summary>
/// Status: every <c>credentialStatus</c> entry is checked against its status list credential, which must be a
/// VC-JWT of the same issuer whose signature (assertionMethod) and validity hold. Anything that prevents the check —
/// the list cannot be fetched, is unsigned, is signed by someone else, is malformed — is <c>status_unavailable</c>:
/// fail closed. Verified lists are remembered beside the fetched document, so a cached list costs no new signature
/// check.
/// </summary>
internal sealed class StatusStep(IStatusListProvider provider, IDidResolver resolver)
{
    private readonly ConditionalWeakTable<StatusListDocument, StatusListCredential> verified = [];

    public async Task<VerificationError?> CheckAsync(DecodedCredential credential, DateTimeOffset now, VerificationOptions options, CancellationToken cancellationToken)
    {
        foreach (var status in credential.Credential.Statuses)
        {
            if (!BitstringStatusListEntry.TryParse(status, out var entry, out var entryError))
            {
                return entryError.Code == VerificationErrorCode.Malformed ? entryError : Unavailable(entryError.Message);
            }

            if (!Uri.TryCreate(entry.StatusListCredential, UriKind.Absolute, out var url))
            {
                return new VerificationError(VerificationErrorCode.Malformed, "The status entry's statusListCredential is not an absolute URL.");
            }

            var fetched = await provider.GetAsync(url, cancellationToken).ConfigureAwait(false);
            if (!fetched.Succeeded)
            {
                return fetched.Error.Code == VerificationErrorCode.StatusUnavailable ? fetched.Error : Unavailable("The status list could not be fetched.");
            }

            var list = await VerifyListAsync(fetched.Document, credential.Issuer, now, options, cancellationToken).ConfigureAwait(false);
            if (!list.Succeeded)
            {
                return list.Error;
            }

            if (!StatusListChecker.TryCheck(entry, list.Value, out var result, out var checkError))
            {
                return checkError;
            }

            if (result.ToError() is { } statusError)
            {
                return statusError;
            }
        }

        return null;
    }

    private async Task<StepResult<StatusListCredential>> VerifyListAsync(StatusListDocument document, string issuer, DateTimeOffset now, VerificationOptions options, CancellationToken cancellationToken)
    {
        if (verified.TryGetValue(document, out var known) && TimeStep.Check(known.Credential.NotBefore, null, known.Credential.NotAfter, now, options.ClockSkew, "status list") is null)
        {
            return StepResult<StatusListCredential>.Success(known);
        }

        if (!ParseStep.TryParseCredential(document.Content.Trim(), options.Jws, out var decoded, out _))
        {
            return StepResult<StatusListCredential>.Fail(VerificationErrorCode.StatusUnavailable, "The status list is not a signed credential (VC-JWT or VC-JOSE-COSE).");
        }

        if (!string.Equals(decoded.Issuer, issuer, StringComparison.Ordinal))
        {
            return StepResult<StatusListCredential>.Fail(VerificationErrorCode.StatusUnavailable, "The status list is not issued by the credential's issuer.");
        }

        var issuerDocument = await ResolveStep.ResolveAsync(resolver, decoded.Issuer, cancellationToken).ConfigureAwait(false);
        if (!issuerDocument.Succeeded)
        {
            return Unavailable("The status list's issuer could not be resolved: " + issuerDocument.Error.Code.Value + ".");
        }

        var signature = SignatureStep.Verify(decoded.Jws, issuerDocument.Value, VerificationRelationship.AssertionMethod);
        if (!signature.Succeeded)
        {
            return Unavailable("The status list's signature does not hold: " + signature.Error.Code.Value + ".");
        }

        if ((TimeStep.Check(decoded.NotBefore, decoded.IssuedAt, decoded.ExpiresAt, now, options.ClockSkew, "status list") ??
             TimeStep.Check(decoded.Credential.ValidFrom, null, decoded.Credential.ValidUntil, now, options.ClockSkew, "status list")) is { } timeError)
        {
            return Unavailable("The status list is outside its validity: " + timeError.Code.Value + ".");
        }

        if (!StatusListCredential.TryCreate(decoded.Credential, null, out var statusList, out var listError))
        {
            return Unavailable("The status list credential is malformed: " + listError.Message);
        }

        verified.AddOrUpdate(document, statusList);
        return StepResult<StatusListCredential>.Success(statusList);
    }

    private static VerificationError Unavailable(string message) => new(VerificationErrorCode.StatusUnavailable, message);
}
