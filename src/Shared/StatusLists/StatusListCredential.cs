using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Identity.Shared.Credentials;
using Identity.Shared.Verification;

namespace Identity.Shared.StatusLists;

/// <summary>
/// A status list credential read for its list: a <c>BitstringStatusListCredential</c> (subject type
/// <c>BitstringStatusList</c>) or a <c>StatusList2021Credential</c> (subject type <c>StatusList2021</c>). Reading
/// checks structure and decodes the list; the credential's signature and validity period are the engine's to check.
/// </summary>
public sealed class StatusListCredential
{
    /// <summary>The v1.0 credential type.</summary>
    public const string CredentialType = "BitstringStatusListCredential";

    /// <summary>The v1.0 subject type.</summary>
    public const string SubjectType = "BitstringStatusList";

    /// <summary>The StatusList2021 credential type.</summary>
    public const string StatusList2021CredentialType = "StatusList2021Credential";

    /// <summary>The StatusList2021 subject type.</summary>
    public const string StatusList2021SubjectType = "StatusList2021";

    private StatusListCredential(VerifiableCredential credential, StatusListFormat format, IReadOnlyList<string> purposes, BitstringStatusList list, TimeSpan? ttl)
    {
        Credential = credential;
        Format = format;
        Purposes = purposes;
        List = list;
        TimeToLive = ttl;
    }

    /// <summary>The credential itself.</summary>
    public VerifiableCredential Credential { get; }

    /// <summary>Which specification it follows.</summary>
    public StatusListFormat Format { get; }

    /// <summary><c>credentialSubject.statusPurpose</c> as a list (v1.0 allows several).</summary>
    public IReadOnlyList<string> Purposes { get; }

    /// <summary>The decoded <c>encodedList</c>.</summary>
    public BitstringStatusList List { get; }

    /// <summary><c>credentialSubject.ttl</c> (written in milliseconds): how long the issuer suggests caching it.</summary>
    public TimeSpan? TimeToLive { get; }

    /// <summary>
    /// Reads a status list credential. False with <c>malformed</c> (or <c>token_too_large</c> for an oversized list)
    /// when it is not one. Never throws on bad input.
    /// </summary>
    public static bool TryCreate(VerifiableCredential credential, StatusListDecodeOptions? options, [NotNullWhen(true)] out StatusListCredential? statusList, [NotNullWhen(false)] out VerificationError? error)
    {
        ArgumentNullException.ThrowIfNull(credential);
        statusList = null;
        StatusListFormat format;
        string subjectType;
        if (credential.Types.Contains(CredentialType, StringComparer.Ordinal))
        {
            (format, subjectType) = (StatusListFormat.BitstringStatusList, SubjectType);
        }
        else if (credential.Types.Contains(StatusList2021CredentialType, StringComparer.Ordinal))
        {
            (format, subjectType) = (StatusListFormat.StatusList2021, StatusList2021SubjectType);
        }
        else
        {
            error = Malformed("The credential's type includes neither BitstringStatusListCredential nor StatusList2021Credential.");
            return false;
        }

        if (credential.Subjects.Count != 1)
        {
            error = Malformed("A status list credential has exactly one credentialSubject.");
            return false;
        }

        var subject = credential.Subjects[0].Json;
        if (!subject.TryGetProperty("type", out var typeValue) || !CredentialJson.TryGetStrings(typeValue, out var types) || !types.Contains(subjectType, StringComparer.Ordinal))
        {
            error = Malformed(format == StatusListFormat.BitstringStatusList
                ? "The status list's credentialSubject.type is not BitstringStatusList."
                : "The status list's credentialSubject.type is not StatusList2021.");
            return false;
        }

        if (!subject.TryGetProperty("statusPurpose", out var purposeValue) || !CredentialJson.TryGetStrings(purposeValue, out var purposes) ||
            purposes.Count == 0 || purposes.Any(string.IsNullOrEmpty))
        {
            error = Malformed("The status list's credentialSubject.statusPurpose is not a non-empty string or list of strings.");
            return false;
        }

        TimeSpan? ttl = null;
        if (subject.TryGetProperty("ttl", out var ttlValue))
        {
            if (ttlValue.ValueKind != JsonValueKind.Number || !ttlValue.TryGetInt64(out var milliseconds) || milliseconds < 0 || milliseconds > TimeSpan.MaxValue.TotalMilliseconds)
            {
                error = Malformed("The status list's credentialSubject.ttl is not a non-negative number of milliseconds.");
                return false;
            }

            ttl = TimeSpan.FromMilliseconds(milliseconds);
        }

        var encoded = subject.TryGetProperty("encodedList", out var encodedValue) && encodedValue.ValueKind == JsonValueKind.String ? encodedValue.GetString() : null;
        if (encoded is null)
        {
            error = Malformed("The status list's credentialSubject.encodedList is missing or not a string.");
            return false;
        }

        if (!BitstringStatusList.TryDecode(encoded, format, options, out var list, out error))
        {
            return false;
        }

        statusList = new StatusListCredential(credential, format, purposes, list, ttl);
        return true;
    }

    private static VerificationError Malformed(string message) => new(VerificationErrorCode.Malformed, message);
}
