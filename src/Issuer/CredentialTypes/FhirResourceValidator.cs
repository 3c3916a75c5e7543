using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;

namespace Identity.Issuer.CredentialTypes;

/// <summary>
/// Parses the claims as a FHIR R4 resource with the Firely SDK in strict mode, which runs its validation while it
/// reads: unknown elements, cardinality, required elements, primitive formats (dates, codes of required bindings),
/// JSON types. One deserializer is built once and shared: it holds no per-call state.
/// </summary>
internal sealed class FhirResourceValidator
{
    private readonly FhirJsonDeserializer deserializer = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    /// <summary>Reads <paramref name="utf8"/>; on failure, the result names the first problem by its FHIR error code and place.</summary>
    public ClaimsValidationResult TryRead(ReadOnlySpan<byte> utf8, JsonObject claims, out Resource? resource)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
        IEnumerable<CodedException> issues;
        try
        {
            if (deserializer.TryDeserializeResource(ref reader, out resource, out issues))
            {
                return ClaimsValidationResult.Valid;
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            // The SDK reports data errors as issues; these are its parser giving up on the JSON itself.
            resource = null;
            return ClaimsValidationResult.Fail(ClaimsErrorCode.InvalidFhir, "The claims could not be read as a FHIR resource.");
        }

        resource = null;
        var first = issues.FirstOrDefault();
        return first is null
            ? ClaimsValidationResult.Fail(ClaimsErrorCode.InvalidFhir, "The claims could not be read as a FHIR resource.")
            : ClaimsValidationResult.Fail(ClaimsErrorCode.InvalidFhir, Describe(first.ErrorCode), ToPointer((first as ExtendedCodedException)?.InstancePath, claims));
    }

    /// <summary>
    /// A fixed message per Firely error code. The SDK's own messages quote the offending value, which may be health
    /// data, so they are never passed on.
    /// </summary>
    internal static string Describe(string? code) => code switch
    {
        "PVAL105" => "A FHIR element that the resource requires is missing (PVAL105).",
        "PVAL102" or "PVAL103" => "A FHIR element occurs more or fewer times than its cardinality allows (" + code + ").",
        "PVAL116" => "A FHIR code is not one of the values its required value set allows (PVAL116).",
        "PVAL119" or "PVAL129" => "A FHIR string is empty or too long (" + code + ").",
        "PVAL123" or "PVAL127" => "A FHIR value has the wrong type for its element (" + code + ").",
        "PVAL124" => "A FHIR value is not a valid literal for its type, e.g. a date (PVAL124).",
        "PVAL128" => "The resource has an element FHIR R4 does not define (PVAL128).",
        "PVAL130" or "JSON103" => "The resource type is missing or not a FHIR R4 resource (" + code + ").",
        null or "" => "The claims are not valid FHIR R4 content.",
        _ => "The claims are not valid FHIR R4 content (" + code + ").",
    };

    /// <summary>
    /// Firely's instance path (<c>Patient.name[0].family</c>, <c>$this.patient</c>) as a JSON pointer into the claims
    /// (<c>/name/0/family</c>). A choice element (FHIR's <c>occurrence</c>) is named as the claims spell it
    /// (<c>occurrenceDateTime</c>).
    /// </summary>
    internal static string ToPointer(string? instancePath, JsonObject claims)
    {
        if (string.IsNullOrEmpty(instancePath))
        {
            return string.Empty;
        }

        var segments = new List<string>();
        JsonNode? node = claims;
        foreach (var part in instancePath.Split('.').Skip(1))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket > 0 && part.EndsWith(']') ? part[..bracket] : part;
            if (node is JsonObject obj && !obj.ContainsKey(name))
            {
                // A choice element: the member is the FHIR name followed by the type name, e.g. valueQuantity.
                name = obj.Select(p => p.Key).FirstOrDefault(k => k.Length > name.Length && k.StartsWith(name, StringComparison.Ordinal) && char.IsUpper(k[name.Length])) ?? name;
            }

            segments.Add(name);
            node = node is JsonObject current ? current[name] : null;
            if (bracket > 0 && part.EndsWith(']'))
            {
                var index = part[(bracket + 1)..^1];
                segments.Add(index);
                node = node is JsonArray array && int.TryParse(index, System.Globalization.CultureInfo.InvariantCulture, out var i) && i >= 0 && i < array.Count ? array[i] : null;
            }
        }

        return JsonBounds.ToPointer(segments);
    }
}
