using System.Text.Json.Nodes;
using Identity.Issuer.CredentialTypes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.Issuer.Tests.CredentialTypes;

public sealed class CredentialTypeServiceCollectionExtensionsTests : IDisposable
{
    private const string AllergySchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "properties": {
            "resourceType": { "const": "AllergyIntolerance" },
            "code": { "type": "object", "properties": { "text": { "type": "string" } }, "additionalProperties": false },
            "patient": { "type": "object", "properties": { "reference": { "type": "string" } }, "additionalProperties": false },
            "recordedDate": { "type": "string" }
          },
          "required": ["resourceType", "code", "patient"],
          "additionalProperties": false
        }
        """;

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("itypes-");

    public void Dispose() => directory.Delete(recursive: true);

    [Fact]
    public void AddCredentialTypes_ConfiguredType_LoadsAndValidates()
    {
        File.WriteAllText(Path.Combine(directory.FullName, "allergy.schema.json"), AllergySchema);
        using var services = Build(new()
        {
            ["contentRoot"] = directory.FullName,
            ["Issuer:CredentialTypes:0:Name"] = "AllergyCredential",
            ["Issuer:CredentialTypes:0:SchemaFile"] = "allergy.schema.json",
            ["Issuer:CredentialTypes:0:FhirResourceType"] = "AllergyIntolerance",
            ["Issuer:CredentialTypes:0:Contexts:0"] = "https://hospital.example/contexts/allergy/v1",
        });

        var catalog = services.GetRequiredService<ICredentialTypeCatalog>();
        var validator = services.GetRequiredService<ClaimsValidator>();

        Assert.Equal(5, catalog.All.Count);
        Assert.True(catalog.TryGet("AllergyCredential", out var allergy));
        Assert.Equal("/schemas/AllergyCredential.json", allergy.SchemaPath);
        Assert.Equal(["https://hospital.example/contexts/allergy/v1"], allergy.Contexts);
        Assert.True(validator.Validate("AllergyCredential", Claims("""{ "resourceType": "AllergyIntolerance", "code": { "text": "Penicillin" }, "patient": { "reference": "resource:0" }, "recordedDate": "2024-03-01" }""")).IsValid);

        // The schema applies, then FHIR R4 validation of the configured resource type.
        var extra = validator.Validate("AllergyCredential", Claims("""{ "resourceType": "AllergyIntolerance", "code": { "text": "Penicillin" }, "patient": { "reference": "resource:0" }, "note": "x" }"""));
        Assert.Equal((ClaimsErrorCode.SchemaViolation, "/note"), (extra.Error?.Code ?? default, extra.Error?.Location));
        var badDate = validator.Validate("AllergyCredential", Claims("""{ "resourceType": "AllergyIntolerance", "code": { "text": "Penicillin" }, "patient": { "reference": "resource:0" }, "recordedDate": "March 2024" }"""));
        Assert.Equal((ClaimsErrorCode.InvalidFhir, "/recordedDate"), (badDate.Error?.Code ?? default, badDate.Error?.Location));
    }

    [Fact]
    public void AddCredentialTypes_NoConfiguredTypes_ShippedTypesAndValidators()
    {
        using var services = Build([]);

        Assert.Equal(4, services.GetRequiredService<ICredentialTypeCatalog>().All.Count);
        Assert.True(services.GetRequiredService<ClaimsValidator>().Validate(CredentialTypeNames.PatientIdentity, FhirExamples.Patient()).IsValid);
        Assert.True(services.GetRequiredService<EvidenceValidator>().Validate(null).IsValid);
        Assert.Equal(CredentialContentLimits.Default, services.GetRequiredService<CredentialContentLimits>());
    }

    [Fact]
    public void AddCredentialTypes_ConfiguredLimits_Applied()
    {
        using var services = Build(new() { ["Issuer:CredentialContentLimits:MaxClaimsBytes"] = "100" });

        var result = services.GetRequiredService<ClaimsValidator>().Validate(CredentialTypeNames.PatientIdentity, FhirExamples.Patient());

        Assert.Equal(ClaimsErrorCode.InputTooLarge, result.Error?.Code);
    }

    public static TheoryData<string, string?, string> BrokenSchemaFiles => new()
    {
        { "not JSON", "{ \"type\": \"object\", ", "is not valid JSON" },
        { "not an object", "[ \"type\", \"object\" ]", "is not a JSON Schema object" },
        { "invalid keyword", """{ "type": "object", "required": "code" }""", "is unusable" },
        { "unresolvable reference", """{ "type": "object", "properties": { "code": { "$ref": "#/$defs/Code" } } }""", "does not resolve" },
        { "missing file", null, "does not exist" },
    };

    [Theory]
    [MemberData(nameof(BrokenSchemaFiles))]
    public void AddCredentialTypes_BrokenSchemaFile_FailsNamingKeyAndFile(string kind, string? content, string expected)
    {
        Assert.NotEmpty(kind);
        var path = Path.Combine(directory.FullName, "broken.schema.json");
        if (content is not null)
        {
            File.WriteAllText(path, content);
        }

        var error = Assert.Throws<InvalidOperationException>(() => Build(new()
        {
            ["Issuer:CredentialTypes:0:Name"] = "BrokenCredential",
            ["Issuer:CredentialTypes:0:SchemaFile"] = path,
        }));

        Assert.Contains("Issuer:CredentialTypes:0:SchemaFile", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Name", "Issuer:CredentialTypes:0:Name is missing")]
    [InlineData("SchemaFile", "Issuer:CredentialTypes:0:SchemaFile is missing")]
    public void AddCredentialTypes_MissingSetting_FailsNamingKey(string omitted, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Issuer:CredentialTypes:0:Name"] = "AllergyCredential",
            ["Issuer:CredentialTypes:0:SchemaFile"] = "allergy.schema.json",
        };
        settings.Remove("Issuer:CredentialTypes:0:" + omitted);

        var error = Assert.Throws<InvalidOperationException>(() => Build(settings));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCredentialTypes_UnknownFhirResourceType_Fails()
    {
        File.WriteAllText(Path.Combine(directory.FullName, "allergy.schema.json"), AllergySchema);

        var error = Assert.Throws<InvalidOperationException>(() => Build(new()
        {
            ["contentRoot"] = directory.FullName,
            ["Issuer:CredentialTypes:0:Name"] = "AllergyCredential",
            ["Issuer:CredentialTypes:0:SchemaFile"] = "allergy.schema.json",
            ["Issuer:CredentialTypes:0:FhirResourceType"] = "Allergy",
        }));

        Assert.Contains("not a FHIR R4 resource type", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddCredentialTypes(configuration).BuildServiceProvider();
    }

    private static JsonObject Claims(string json) => JsonNode.Parse(json)!.AsObject();
}
