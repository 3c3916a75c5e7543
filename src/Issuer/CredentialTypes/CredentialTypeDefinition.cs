using System.Text.Json.Nodes;

namespace Identity.Issuer.CredentialTypes;

/// <summary>One credential type: its name, the JSON Schema of its subject, and how its claims are validated.</summary>
public sealed record CredentialTypeDefinition
{
    /// <summary>The type name that goes into the credential's <c>type</c> after <c>VerifiableCredential</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The JSON Schema (2020-12) of <c>credentialSubject</c> without its <c>id</c>; served at <see cref="SchemaPath"/>.</summary>
    public required JsonObject Schema { get; init; }

    /// <summary>The service-relative path the schema is served at (the credential's <c>credentialSchema.id</c> is absolute).</summary>
    public required string SchemaPath { get; init; }

    /// <summary>The FHIR R4 resource type the claims carry (e.g. <c>Patient</c>), validated with the Firely SDK; null for none.</summary>
    public string? FhirResourceType { get; init; }

    /// <summary>Extra JSON-LD contexts after the VCDM base context.</summary>
    public IReadOnlyList<string> Contexts { get; init; } = [];
}
