using System.Text.Json;
using System.Text.Json.Nodes;

namespace Identity.Issuer.CredentialTypes;

/// <summary>
/// The four types this issuer ships with. Their schemas travel inside the assembly
/// (<c>Identity.Issuer.CredentialTypes.Schemas.&lt;Name&gt;.json</c>) and are served at <c>/schemas/&lt;Name&gt;.json</c>.
/// Each call returns fresh definitions: a schema is a mutable <see cref="JsonObject"/>, so none is shared.
/// </summary>
internal static class ShippedCredentialTypes
{
    private const string ResourcePrefix = "Identity.Issuer.CredentialTypes.Schemas.";

    public static IReadOnlyList<CredentialTypeDefinition> Create() =>
    [
        Define(CredentialTypeNames.PatientIdentity, "Patient"),
        Define(CredentialTypeNames.HealthInsurance, "Coverage"),
        Define(CredentialTypeNames.Immunization, "Immunization"),
        Define(CredentialTypeNames.BiometricObservation, "Observation"),
    ];

    /// <summary>The service-relative path a type's schema is served at.</summary>
    public static string SchemaPathFor(string name) => "/schemas/" + name + ".json";

    private static CredentialTypeDefinition Define(string name, string resourceType) => new()
    {
        Name = name,
        Schema = LoadSchema(name),
        SchemaPath = SchemaPathFor(name),
        FhirResourceType = resourceType,
    };

    private static JsonObject LoadSchema(string name)
    {
        using var stream = typeof(ShippedCredentialTypes).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".json")
            ?? throw new InvalidOperationException($"The embedded schema of {name} is missing from the assembly (check the EmbeddedResource item of the csproj).");
        return JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject
            ?? throw new InvalidOperationException($"The embedded schema of {name} is not a JSON object.");
    }
}
