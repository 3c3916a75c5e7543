using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Shared.Verification;

namespace Identity.Shared.Credentials;

/// <summary>
/// A W3C verifiable credential (VCDM 1.1 or 2.0), immutable. The document is kept whole in <see cref="Json"/> —
/// members this model does not know stay, in order — and the members it knows are validated and exposed typed.
/// Validation is structural only: nothing here says the credential is genuine, current or unrevoked.
/// </summary>
public sealed class VerifiableCredential
{
    private static readonly string[] ObjectMembers = ["credentialSchema", "evidence", "termsOfUse", "refreshService"];

    private VerifiableCredential(JsonElement json, DocumentHead head, CredentialIssuer issuer, IReadOnlyList<CredentialSubject> subjects)
    {
        Json = json;
        Version = head.Version;
        Contexts = head.Contexts;
        Id = head.Id;
        Types = head.Types;
        Issuer = issuer;
        Subjects = subjects;
    }

    /// <summary>The data model, from the first <c>@context</c>.</summary>
    public DataModelVersion Version { get; }

    /// <summary>The URL entries of <c>@context</c>, in order (embedded context objects are only in <see cref="Json"/>).</summary>
    public IReadOnlyList<string> Contexts { get; }

    /// <summary><c>id</c>, when present.</summary>
    public string? Id { get; }

    /// <summary><c>type</c> as a list; it includes <c>VerifiableCredential</c>.</summary>
    public IReadOnlyList<string> Types { get; }

    /// <summary><c>issuer</c>.</summary>
    public CredentialIssuer Issuer { get; }

    /// <summary>Every <c>credentialSubject</c> (one, or several when it is an array).</summary>
    public IReadOnlyList<CredentialSubject> Subjects { get; }

    /// <summary>VCDM 1.1 <c>issuanceDate</c> (required in 1.1; null in 2.0).</summary>
    public DateTimeOffset? IssuanceDate { get; private init; }

    /// <summary>VCDM 1.1 <c>expirationDate</c>, when present.</summary>
    public DateTimeOffset? ExpirationDate { get; private init; }

    /// <summary>VCDM 2.0 <c>validFrom</c>, when present.</summary>
    public DateTimeOffset? ValidFrom { get; private init; }

    /// <summary>VCDM 2.0 <c>validUntil</c>, when present.</summary>
    public DateTimeOffset? ValidUntil { get; private init; }

    /// <summary>
    /// When the credential starts to be valid, whatever the model: <c>issuanceDate</c> (1.1) or <c>validFrom</c> (2.0).
    /// </summary>
    public DateTimeOffset? NotBefore => Version == DataModelVersion.V1_1 ? IssuanceDate : ValidFrom;

    /// <summary>When the credential stops being valid: <c>expirationDate</c> (1.1) or <c>validUntil</c> (2.0).</summary>
    public DateTimeOffset? NotAfter => Version == DataModelVersion.V1_1 ? ExpirationDate : ValidUntil;

    /// <summary>Every <c>credentialStatus</c> entry (none, one, or several).</summary>
    public IReadOnlyList<CredentialStatus> Statuses { get; private init; } = [];

    /// <summary><c>credentialSchema</c> objects.</summary>
    public IReadOnlyList<JsonElement> CredentialSchemas { get; private init; } = [];

    /// <summary><c>evidence</c> objects.</summary>
    public IReadOnlyList<JsonElement> Evidence { get; private init; } = [];

    /// <summary><c>termsOfUse</c> objects.</summary>
    public IReadOnlyList<JsonElement> TermsOfUse { get; private init; } = [];

    /// <summary><c>refreshService</c> objects.</summary>
    public IReadOnlyList<JsonElement> RefreshServices { get; private init; } = [];

    /// <summary>The whole document, as written.</summary>
    public JsonElement Json { get; }

    /// <summary>Parses and validates a credential from JSON text. False with a <c>malformed</c> error on any bad input.</summary>
    public static bool TryParse(string? json, [NotNullWhen(true)] out VerifiableCredential? credential, [NotNullWhen(false)] out VerificationError? error)
    {
        credential = null;
        return CredentialJson.TryParseObject(json, "credential", out var root, out error) && TryCreate(root, out credential, out error);
    }

    /// <summary>Validates a credential given as a JSON object (copied; later changes to <paramref name="json"/> do not show).</summary>
    public static bool TryCreate(JsonObject json, [NotNullWhen(true)] out VerifiableCredential? credential, [NotNullWhen(false)] out VerificationError? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!CredentialJson.TryToElement(json, "credential", out var element, out error))
        {
            credential = null;
            return false;
        }

        return TryCreate(element, out credential, out error);
    }

    /// <summary>Validates a credential given as a JSON element.</summary>
    public static bool TryCreate(JsonElement json, [NotNullWhen(true)] out VerifiableCredential? credential, [NotNullWhen(false)] out VerificationError? error)
    {
        credential = null;
        if (!DocumentHead.TryRead(json, "credential", CredentialTypes.VerifiableCredential, out var head, out error))
        {
            return false;
        }

        json = json.Clone();
        if (!json.TryGetProperty("issuer", out var issuerValue))
        {
            error = CredentialJson.Malformed("The credential has no issuer.");
            return false;
        }

        if (!CredentialIssuer.TryCreate(issuerValue, "The credential's issuer", out var issuer, out var problem))
        {
            error = CredentialJson.Malformed(problem!);
            return false;
        }

        if (!TryReadSubjects(json, out var subjects, out error) ||
            !TryReadDates(json, head.Version, out var dates, out error) ||
            !TryReadStatuses(json, out var statuses, out error) ||
            !TryReadObjects(json, ObjectMembers[0], requireId: true, out var schemas, out error) ||
            !TryReadObjects(json, ObjectMembers[1], requireId: false, out var evidence, out error) ||
            !TryReadObjects(json, ObjectMembers[2], requireId: false, out var termsOfUse, out error) ||
            !TryReadObjects(json, ObjectMembers[3], requireId: false, out var refreshServices, out error))
        {
            return false;
        }

        credential = new VerifiableCredential(json, head, issuer!, subjects)
        {
            IssuanceDate = dates[0],
            ExpirationDate = dates[1],
            ValidFrom = dates[2],
            ValidUntil = dates[3],
            Statuses = statuses,
            CredentialSchemas = schemas,
            Evidence = evidence,
            TermsOfUse = termsOfUse,
            RefreshServices = refreshServices,
        };
        return true;
    }

    /// <summary>Throwing wrapper over <see cref="TryParse"/>.</summary>
    /// <exception cref="FormatException">The text is not a valid credential; the message names the rule broken.</exception>
    public static VerifiableCredential Parse(string json) =>
        TryParse(json, out var credential, out var error) ? credential : throw new FormatException(error.Message);

    /// <summary>Throwing wrapper over <see cref="TryCreate(JsonObject, out VerifiableCredential?, out VerificationError?)"/>.</summary>
    /// <exception cref="FormatException">The object is not a valid credential; the message names the rule broken.</exception>
    public static VerifiableCredential Create(JsonObject json) =>
        TryCreate(json, out var credential, out var error) ? credential : throw new FormatException(error.Message);

    /// <summary>The date format this library writes (<c>validFrom</c>, <c>issuanceDate</c>…): UTC, whole seconds, <c>Z</c>.</summary>
    public static string FormatDate(DateTimeOffset value) => CredentialJson.FormatDateTimeStamp(value);

    /// <summary>A fresh mutable copy of the document, e.g. to derive another credential.</summary>
    public JsonObject ToJsonObject() => CredentialJson.ToObject(Json);

    /// <summary>The document as compact JSON, members in their original order.</summary>
    public string ToJsonString() => CredentialJson.Serialize(Json);

    /// <inheritdoc />
    public override string ToString() => ToJsonString();

    private static bool TryReadSubjects(JsonElement json, out IReadOnlyList<CredentialSubject> subjects, [NotNullWhen(false)] out VerificationError? error)
    {
        subjects = [];
        error = null;
        if (!json.TryGetProperty("credentialSubject", out var value))
        {
            error = CredentialJson.Malformed("The credential has no credentialSubject.");
            return false;
        }

        if (!CredentialJson.TryGetObjects(value, out var objects))
        {
            error = CredentialJson.Malformed("The credential's credentialSubject is not an object or a non-empty list of objects.");
            return false;
        }

        var list = new List<CredentialSubject>(objects.Count);
        foreach (var subject in objects)
        {
            // did-jwt-vc refuses an empty subject too: a credential that claims nothing is a producer bug.
            if (!subject.EnumerateObject().Any())
            {
                error = CredentialJson.Malformed("A credentialSubject of the credential is empty.");
                return false;
            }

            string? id = null;
            if (subject.TryGetProperty("id", out var idValue))
            {
                id = idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
                if (!CredentialJson.IsAbsoluteUri(id))
                {
                    error = CredentialJson.Malformed("A credentialSubject.id of the credential is not an absolute URL.");
                    return false;
                }
            }

            list.Add(new CredentialSubject(id, subject));
        }

        subjects = list;
        return true;
    }

    private static bool TryReadDates(JsonElement json, DataModelVersion version, out DateTimeOffset?[] dates, [NotNullWhen(false)] out VerificationError? error)
    {
        // Only the model's own members are read: in a 2.0 document issuanceDate is an unknown member, and vice versa.
        dates = new DateTimeOffset?[4];
        string[] names = version == DataModelVersion.V1_1 ? ["issuanceDate", "expirationDate"] : ["validFrom", "validUntil"];
        var offset = version == DataModelVersion.V1_1 ? 0 : 2;
        for (var i = 0; i < 2; i++)
        {
            if (!json.TryGetProperty(names[i], out var value))
            {
                continue;
            }

            if (value.ValueKind != JsonValueKind.String || !CredentialJson.TryParseDateTimeStamp(value.GetString(), out var parsed))
            {
                error = CredentialJson.Malformed($"The credential's {names[i]} is not a date-time with a time zone (XML Schema dateTimeStamp).");
                return false;
            }

            dates[offset + i] = parsed;
        }

        if (version == DataModelVersion.V1_1 && dates[0] is null)
        {
            error = CredentialJson.Malformed("The credential has no issuanceDate (required by VCDM 1.1).");
            return false;
        }

        if (dates[offset] is { } start && dates[offset + 1] is { } end && start > end)
        {
            error = CredentialJson.Malformed($"The credential's {names[1]} is before its {names[0]}.");
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryReadStatuses(JsonElement json, out IReadOnlyList<CredentialStatus> statuses, [NotNullWhen(false)] out VerificationError? error)
    {
        statuses = [];
        error = null;
        if (!json.TryGetProperty("credentialStatus", out var value))
        {
            return true;
        }

        if (!CredentialJson.TryGetObjects(value, out var objects))
        {
            error = CredentialJson.Malformed("The credential's credentialStatus is not an object or a non-empty list of objects.");
            return false;
        }

        var list = new List<CredentialStatus>(objects.Count);
        foreach (var entry in objects)
        {
            var type = CredentialJson.GetOptionalString(entry, "type");
            if (string.IsNullOrEmpty(type))
            {
                error = CredentialJson.Malformed("A credentialStatus entry of the credential has no type string.");
                return false;
            }

            string? id = null;
            if (entry.TryGetProperty("id", out var idValue))
            {
                id = idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
                if (!CredentialJson.IsAbsoluteUri(id))
                {
                    error = CredentialJson.Malformed("A credentialStatus.id of the credential is not an absolute URL.");
                    return false;
                }
            }

            list.Add(new CredentialStatus(id, type, entry));
        }

        statuses = list;
        return true;
    }

    private static bool TryReadObjects(JsonElement json, string member, bool requireId, out IReadOnlyList<JsonElement> objects, [NotNullWhen(false)] out VerificationError? error)
    {
        objects = [];
        error = null;
        if (!json.TryGetProperty(member, out var value))
        {
            return true;
        }

        if (!CredentialJson.TryGetObjects(value, out objects))
        {
            error = CredentialJson.Malformed($"The credential's {member} is not an object or a non-empty list of objects.");
            return false;
        }

        foreach (var item in objects)
        {
            if (!item.TryGetProperty("type", out var type) || !CredentialJson.TryGetStrings(type, out var types) || types.Count == 0)
            {
                error = CredentialJson.Malformed($"A {member} of the credential has no type.");
                return false;
            }

            if (requireId && !CredentialJson.IsAbsoluteUri(CredentialJson.GetOptionalString(item, "id")))
            {
                error = CredentialJson.Malformed($"A {member} of the credential has no id URL.");
                return false;
            }
        }

        return true;
    }
}
