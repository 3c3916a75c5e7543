using System.Text.Json.Nodes;
using Identity.Issuer.CredentialTypes;

namespace Identity.Issuer.Tests.CredentialTypes;

public sealed class CredentialTypeCatalogTests
{
    [Theory]
    [InlineData(CredentialTypeNames.PatientIdentity, "Patient")]
    [InlineData(CredentialTypeNames.HealthInsurance, "Coverage")]
    [InlineData(CredentialTypeNames.Immunization, "Immunization")]
    [InlineData(CredentialTypeNames.BiometricObservation, "Observation")]
    public void CreateShipped_EachShippedType_HasEmbeddedSchemaAndResourceType(string name, string resourceType)
    {
        var catalog = CredentialTypeCatalog.CreateShipped();

        Assert.True(catalog.TryGet(name, out var definition));
        Assert.Equal(resourceType, definition.FhirResourceType);
        Assert.Equal($"/schemas/{name}.json", definition.SchemaPath);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", definition.Schema["$schema"]!.GetValue<string>());
        Assert.Equal(resourceType, definition.Schema["properties"]!["resourceType"]!["const"]!.GetValue<string>());
        Assert.False(definition.Schema["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void CreateShipped_All_HasTheFourTypes()
    {
        var names = CredentialTypeCatalog.CreateShipped().All.Select(d => d.Name).Order(StringComparer.Ordinal);

        Assert.Equal(
            [CredentialTypeNames.BiometricObservation, CredentialTypeNames.HealthInsurance, CredentialTypeNames.Immunization, CredentialTypeNames.PatientIdentity],
            names);
    }

    [Fact]
    public void CreateShipped_EachCall_GivesOwnSchemaObjects()
    {
        CredentialTypeCatalog.CreateShipped().TryGet(CredentialTypeNames.PatientIdentity, out var first);
        CredentialTypeCatalog.CreateShipped().TryGet(CredentialTypeNames.PatientIdentity, out var second);

        Assert.NotSame(first!.Schema, second!.Schema);
    }

    [Fact]
    public void TryGet_UnknownOrWrongCase_False()
    {
        var catalog = CredentialTypeCatalog.CreateShipped();

        Assert.False(catalog.TryGet("PatientIdentitycredential", out _));
        Assert.False(catalog.TryGet("VerifiableCredential", out _));
        Assert.False(catalog.TryGet(null!, out _));
    }

    [Fact]
    public void TryCreate_LocalReferencesAndAnchors_Accepted()
    {
        var schema = """{ "type": "object", "properties": { "a": { "$ref": "#/$defs/A" }, "b": { "$ref": "#b" } }, "$defs": { "A": { "type": "string" }, "B": { "$anchor": "b", "type": "number" } } }""";
        var definition = Definition("AllergyCredential", null) with { Schema = JsonNode.Parse(schema)!.AsObject() };

        Assert.True(CredentialTypeCatalog.TryCreate([definition], out _, out var error), error);
    }

    [Fact]
    public void Create_AdditionalType_IsAddedAfterTheShippedOnes()
    {
        var catalog = CredentialTypeCatalog.Create([Definition("AllergyCredential", "AllergyIntolerance")]);

        Assert.Equal(5, catalog.All.Count);
        Assert.True(catalog.TryGet("AllergyCredential", out var allergy));
        Assert.Equal("AllergyIntolerance", allergy.FhirResourceType);
    }

    public static TheoryData<string, string?, string, string> Unusable => new()
    {
        { CredentialTypeNames.PatientIdentity, null, """{ "type": "object" }""", "defined twice" },
        { "Bad Name", null, """{ "type": "object" }""", "not a type name" },
        { "AllergyCredential", "Allergy", """{ "type": "object" }""", "not a FHIR R4 resource type" },
        { "AllergyCredential", null, """{ "type": "object", "properties": { "a": { "type": 12 } } }""", "must be either a string" },
        { "AllergyCredential", null, """{ "type": "array" }""", "\"type\": \"object\"" },
        { "AllergyCredential", null, """{ "$schema": "http://json-schema.org/draft-07/schema#", "type": "object" }""", "2020-12" },
        { "AllergyCredential", null, """{ "type": "object", "properties": { "a": { "$ref": "#/$defs/missing" } } }""", "does not resolve" },
        { "AllergyCredential", null, """{ "type": "object", "properties": { "a": { "$ref": "https://example.org/other.json" } } }""", "does not resolve" },
        { "AllergyCredential", null, """{ "type": "object", "properties": { "a": { "$ref": "#nowhere" } } }""", "does not resolve" },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public void TryCreate_UnusableDefinition_FalseWithMessage(string name, string? resourceType, string schema, string expected)
    {
        var definition = Definition(name, resourceType) with { Schema = JsonNode.Parse(schema)!.AsObject() };

        Assert.False(CredentialTypeCatalog.TryCreate([definition], out var catalog, out var error));
        Assert.Null(catalog);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => CredentialTypeCatalog.Create([definition]));
    }

    private static CredentialTypeDefinition Definition(string name, string? resourceType) => new()
    {
        Name = name,
        Schema = JsonNode.Parse("""{ "type": "object" }""")!.AsObject(),
        SchemaPath = $"/schemas/{name}.json",
        FhirResourceType = resourceType,
    };
}
