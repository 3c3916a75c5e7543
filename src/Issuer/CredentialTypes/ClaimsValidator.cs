using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Identity.Issuer.CredentialTypes;

/// <summary>
/// Validates the claims of a credential request against its type, in order, stopping at the first failure:
/// bounds (depth, size) → the reserved <c>id</c> → the type's JSON Schema → FHIR R4 (Firely SDK, strict) → the
/// type's own content rules (LOINC codes and units, CVX, status). Never throws on bad claims; messages never quote a
/// claim value. Thread-safe; register one instance (compiled schemas and the FHIR deserializer are built once).
/// </summary>
public sealed class ClaimsValidator
{
    private static readonly EvaluationOptions FlagOutput = new() { OutputFormat = OutputFormat.Flag };
    private static readonly EvaluationOptions ListOutput = new() { OutputFormat = OutputFormat.List };

    private readonly ICredentialTypeCatalog catalog;
    private readonly CredentialContentLimits limits;
    private readonly FhirResourceValidator fhir = new();

    // Keyed by the definition instance: a definition's schema is compiled once, and treated as frozen from then on.
    private readonly ConditionalWeakTable<CredentialTypeDefinition, JsonSchema> schemas = [];

    /// <summary>A validator over <paramref name="catalog"/>; the catalog's schemas are compiled here, once.</summary>
    public ClaimsValidator(ICredentialTypeCatalog catalog, CredentialContentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(limits);
        this.catalog = catalog;
        this.limits = limits;
        foreach (var definition in catalog.All)
        {
            _ = GetSchema(definition);
        }
    }

    /// <summary>Validates claims for the type named <paramref name="typeName"/>; <c>unknown_type</c> when the catalog lacks it.</summary>
    public ClaimsValidationResult Validate(string? typeName, JsonObject? claims) =>
        typeName is not null && catalog.TryGet(typeName, out var definition)
            ? Validate(definition, claims)
            : ClaimsValidationResult.Fail(ClaimsErrorCode.UnknownType, "The credential type is not in this issuer's catalog.");

    /// <summary>Validates <paramref name="claims"/> (the credential subject without its <c>id</c>) for <paramref name="definition"/>.</summary>
    /// <exception cref="ArgumentException">The definition's schema is not a valid JSON Schema (a configuration error, not bad claims).</exception>
    public ClaimsValidationResult Validate(CredentialTypeDefinition definition, JsonObject? claims)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var schema = GetSchema(definition);
        if (claims is null)
        {
            return ClaimsValidationResult.Fail(ClaimsErrorCode.SchemaViolation, "The claims are missing or not a JSON object.");
        }

        if (!JsonBounds.TryCheckDepth(claims, limits.MaxDepth, out var deepPointer))
        {
            return ClaimsValidationResult.Fail(ClaimsErrorCode.InputTooDeep, $"The claims are nested deeper than {limits.MaxDepth} levels.", deepPointer);
        }

        if (!JsonBounds.TrySerialize(claims, limits.MaxClaimsBytes, out var utf8, out var notJson))
        {
            return notJson
                ? ClaimsValidationResult.Fail(ClaimsErrorCode.SchemaViolation, "The claims hold a value JSON cannot express.")
                : ClaimsValidationResult.Fail(ClaimsErrorCode.InputTooLarge, $"The claims are larger than {limits.MaxClaimsBytes} bytes.");
        }

        if (claims.ContainsKey("id"))
        {
            return ClaimsValidationResult.Fail(ClaimsErrorCode.SchemaViolation, "'id' is the subject's DID, set by the issuer; it is not a claim.", "/id");
        }

        using (var document = JsonDocument.Parse(utf8))
        {
            var schemaResult = Evaluate(definition, schema, document.RootElement, claims);
            if (!schemaResult.IsValid)
            {
                return schemaResult;
            }
        }

        if (definition.FhirResourceType is not { } resourceType)
        {
            return ClaimsValidationResult.Valid;
        }

        // Checked before parsing so that a Coverage sent as a Patient credential is named as such, not as unknown elements.
        if (!(claims["resourceType"] is JsonValue declared && declared.TryGetValue<string>(out var declaredType)
            && string.Equals(declaredType, resourceType, StringComparison.Ordinal)))
        {
            return ClaimsValidationResult.Fail(ClaimsErrorCode.InvalidFhir, "'resourceType' is not the FHIR resource type of this credential type.", "/resourceType");
        }

        var parsed = fhir.TryRead(utf8, claims, out var resource);
        return parsed.IsValid ? FhirContentRules.Check(definition.Name, resource!) : parsed;
    }

    private JsonSchema GetSchema(CredentialTypeDefinition definition) =>
        schemas.GetValue(definition, static d => SchemaCompiler.TryCompile(d.Schema, out var compiled, out var error)
            ? compiled
            : throw new ArgumentException($"The schema of credential type '{d.Name}' is invalid: {error}", nameof(definition)));

    private static ClaimsValidationResult Evaluate(CredentialTypeDefinition definition, JsonSchema schema, JsonElement element, JsonObject claims)
    {
        // The flag output is the cheap path for the common case; the detailed list is built only to explain a failure.
        if (schema.Evaluate(element, FlagOutput).IsValid)
        {
            return ClaimsValidationResult.Valid;
        }

        var results = schema.Evaluate(element, ListOutput);
        foreach (var detail in results.Details ?? [])
        {
            if (detail.IsValid || detail.Errors is not { Count: > 0 } errors)
            {
                continue;
            }

            var keyword = errors.Keys.First();
            var pointer = detail.InstanceLocation.ToString();
            if (keyword == "required")
            {
                pointer += "/" + FirstMissing(definition.Schema, detail.SchemaLocation, claims, detail.InstanceLocation);
            }

            return ClaimsValidationResult.Fail(ClaimsErrorCode.SchemaViolation, Describe(keyword), pointer == "/" ? string.Empty : pointer);
        }

        return ClaimsValidationResult.Fail(ClaimsErrorCode.SchemaViolation, "The claims do not match the schema.");
    }

    /// <summary>The first name of the failing <c>required</c> list that the instance lacks (escaped for a pointer).</summary>
    private static string FirstMissing(JsonObject schema, Uri schemaLocation, JsonObject claims, Json.Pointer.JsonPointer instanceLocation)
    {
        var fragment = Uri.UnescapeDataString(schemaLocation.Fragment.TrimStart('#'));
        JsonNode? node = schema;
        foreach (var segment in fragment.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node is JsonObject obj ? obj[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)] : null;
        }

        if (node?["required"] is not JsonArray required || !instanceLocation.TryEvaluate(claims, out var instance) || instance is not JsonObject target)
        {
            return string.Empty;
        }

        foreach (var name in required)
        {
            if (name is JsonValue value && value.TryGetValue<string>(out var text) && !target.ContainsKey(text))
            {
                return JsonBounds.ToPointer([text])[1..];
            }
        }

        return string.Empty;
    }

    private static string Describe(string keyword) => keyword switch
    {
        "required" => "A member the schema requires is missing.",
        "additionalProperties" or "unevaluatedProperties" or "propertyNames" or "false" or "" => "A member is not allowed by the schema.",
        "type" => "A value has the wrong JSON type.",
        "const" or "enum" => "A value is not one the schema allows.",
        "minLength" or "maxLength" or "minItems" or "maxItems" or "minProperties" or "maxProperties" => "A value is too short or too long for the schema.",
        "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "multipleOf" => "A number is out of the range the schema allows.",
        "pattern" or "format" => "A string does not have the form the schema requires.",
        _ => "The claims do not match the schema (keyword '" + keyword + "').",
    };
}
