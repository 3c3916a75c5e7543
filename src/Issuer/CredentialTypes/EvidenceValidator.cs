using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Identity.Issuer.CredentialTypes;

/// <summary>
/// Validates a credential request's <c>evidence</c> (VCDM: one object or an array of objects, each with a
/// <c>type</c>), in order, stopping at the first failure: bounds → biometric data (refused anywhere, in any evidence
/// type) → shape → the members of a <see cref="IdentityProofingEvidence.DocumentVerification"/>. Entries of other
/// types need only a <c>type</c>. Never throws on bad input; messages never quote a value. Thread-safe.
/// </summary>
public sealed partial class EvidenceValidator
{
    /// <summary>How far in the future a proofing time may be, for clock skew between the staff system and the issuer.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    private static readonly FrozenSet<string> DocumentVerificationMembers = new[]
    {
        "id", "type", "verifier", "evidenceDocument", "subjectPresence", "documentPresence", "biometricMatch", "time",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Presences =
        new[] { IdentityProofingEvidence.Physical, IdentityProofingEvidence.Digital }.ToFrozenSet(StringComparer.Ordinal);

    private readonly TimeProvider time;
    private readonly CredentialContentLimits limits;

    /// <summary>A validator reading the clock from <paramref name="time"/>.</summary>
    public EvidenceValidator(TimeProvider time, CredentialContentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(limits);
        this.time = time;
        this.limits = limits;
    }

    /// <summary>Validates <paramref name="evidence"/>; null (no evidence) is valid. Pointers are relative to <paramref name="evidence"/>.</summary>
    public ClaimsValidationResult Validate(JsonNode? evidence)
    {
        if (evidence is null)
        {
            return ClaimsValidationResult.Valid;
        }

        if (!JsonBounds.TryCheckDepth(evidence, limits.MaxDepth, out var deepPointer))
        {
            return ClaimsValidationResult.Fail(ClaimsErrorCode.InputTooDeep, $"The evidence is nested deeper than {limits.MaxDepth} levels.", deepPointer);
        }

        if (!JsonBounds.TrySerialize(evidence, limits.MaxEvidenceBytes, out _, out var notJson))
        {
            return notJson
                ? ClaimsValidationResult.Fail(ClaimsErrorCode.InvalidEvidence, "The evidence holds a value JSON cannot express.")
                : ClaimsValidationResult.Fail(ClaimsErrorCode.InputTooLarge, $"The evidence is larger than {limits.MaxEvidenceBytes} bytes.");
        }

        if (BiometricDataScanner.FindFirst(evidence) is { } biometric)
        {
            return ClaimsValidationResult.Fail(
                ClaimsErrorCode.BiometricDataNotAllowed,
                "The evidence holds what looks like a biometric template, image or encoded blob; record only the comparison's method and result.",
                biometric);
        }

        switch (evidence)
        {
            case JsonObject single:
                return ValidateEntry(single, string.Empty);
            case JsonArray { Count: > 0 } entries when entries.Count <= limits.MaxEvidenceEntries:
                for (var i = 0; i < entries.Count; i++)
                {
                    var prefix = "/" + i.ToString(CultureInfo.InvariantCulture);
                    var result = entries[i] is JsonObject entry
                        ? ValidateEntry(entry, prefix)
                        : Invalid(prefix, "An evidence entry is not a JSON object.");
                    if (!result.IsValid)
                    {
                        return result;
                    }
                }

                return ClaimsValidationResult.Valid;
            case JsonArray entries:
                return Invalid(string.Empty, $"The evidence must hold between 1 and {limits.MaxEvidenceEntries} entries.");
            default:
                return Invalid(string.Empty, "The evidence is neither an object nor an array of objects.");
        }
    }

    private ClaimsValidationResult ValidateEntry(JsonObject entry, string prefix)
    {
        if (!TryGetTypes(entry["type"], out var types))
        {
            return Invalid(prefix + "/type", "An evidence entry needs a type: a non-empty string or a non-empty array of them.");
        }

        return types.Contains(IdentityProofingEvidence.DocumentVerification, StringComparer.Ordinal)
            ? ValidateDocumentVerification(entry, prefix)
            : ClaimsValidationResult.Valid;
    }

    private ClaimsValidationResult ValidateDocumentVerification(JsonObject entry, string prefix)
    {
        foreach (var (name, _) in entry)
        {
            if (!DocumentVerificationMembers.Contains(name))
            {
                return Invalid(prefix + JsonBounds.ToPointer([name]), "A member is not part of a DocumentVerification record.");
            }
        }

        if (!(GetString(entry, "verifier") is { Length: > 0 and <= 256 } verifier && !verifier.Any(char.IsWhiteSpace)))
        {
            return Invalid(prefix + "/verifier", "The verifier (the proofing staff's DID or identifier) is missing or malformed.");
        }

        if (!(GetString(entry, "evidenceDocument") is { } document && Identifier().IsMatch(document)))
        {
            return Invalid(prefix + "/evidenceDocument", "The evidence document (e.g. DriversLicense) is missing or malformed.");
        }

        foreach (var presence in (ReadOnlySpan<string>)["subjectPresence", "documentPresence"])
        {
            if (!(GetString(entry, presence) is { } value && Presences.Contains(value)))
            {
                return Invalid(prefix + "/" + presence, "A presence is missing or neither Physical nor Digital.");
            }
        }

        if (entry.ContainsKey("biometricMatch") && CheckBiometricMatch(entry["biometricMatch"]) is { } problem)
        {
            return Invalid(prefix + "/biometricMatch", problem);
        }

        if (!(GetString(entry, "time") is { } text && DateTimeStamp().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var when)))
        {
            return Invalid(prefix + "/time", "The proofing time is missing or not an RFC 3339 date-time with a time zone.");
        }

        return when <= time.GetUtcNow() + AllowedClockSkew
            ? ClaimsValidationResult.Valid
            : Invalid(prefix + "/time", "The proofing time is in the future.");
    }

    private static string? CheckBiometricMatch(JsonNode? node)
    {
        if (node is not JsonObject match || match.Count != 2)
        {
            return "The biometric match must be an object with exactly a method and a result.";
        }

        if (!(GetString(match, "method") is { } method && Identifier().IsMatch(method)))
        {
            return "The biometric match's method (e.g. FaceComparison) is missing or malformed.";
        }

        return GetString(match, "result") == BiometricMatchEvidence.Match
            ? null
            : "The biometric match's result is not 'match'; a failed comparison is no proofing evidence.";
    }

    private static bool TryGetTypes(JsonNode? node, out List<string> types)
    {
        types = [];
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var single):
                types.Add(single);
                break;
            case JsonArray { Count: > 0 and <= 8 } array:
                foreach (var item in array)
                {
                    if (item is not JsonValue v || !v.TryGetValue<string>(out var type))
                    {
                        return false;
                    }

                    types.Add(type);
                }

                break;
            default:
                return false;
        }

        return types.TrueForAll(t => t.Length is > 0 and <= 128);
    }

    private static string? GetString(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static ClaimsValidationResult Invalid(string pointer, string message) =>
        ClaimsValidationResult.Fail(ClaimsErrorCode.InvalidEvidence, message, pointer);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeStamp();
}
