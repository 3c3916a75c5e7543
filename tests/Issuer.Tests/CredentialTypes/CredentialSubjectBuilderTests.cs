using System.Text.Json.Nodes;
using Identity.Issuer.CredentialTypes;
using Identity.Shared.Credentials;

namespace Identity.Issuer.Tests.CredentialTypes;

public sealed class CredentialSubjectBuilderTests
{
    private const string SubjectDid = "did:ethr:0x5:0x2b5ad5c4795c026514f8317c7a215e218dccd6cf";

    [Fact]
    public void BuildSubject_PatientClaims_IdFirstThenResourceMembersAtTopLevel()
    {
        var claims = FhirExamples.Patient();

        var subject = CredentialSubjectBuilder.BuildSubject(SubjectDid, claims);

        Assert.Equal(["id", "resourceType", "identifier", "name", "gender", "birthDate"], subject.Select(p => p.Key));
        Assert.Equal(SubjectDid, subject["id"]!.GetValue<string>());
        Assert.Equal("1974-12-25", subject["birthDate"]!.GetValue<string>());

        // A copy: changing the subject leaves the request's claims alone.
        subject["name"]![0]!["family"] = "Changed";
        Assert.Equal("Chalmers", claims["name"]![0]!["family"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("0x2b5ad5c4795c026514f8317c7a215e218dccd6cf")]
    [InlineData("did:")]
    [InlineData("")]
    public void BuildSubject_NotADid_Throws(string subject)
    {
        Assert.Throws<ArgumentException>(() => CredentialSubjectBuilder.BuildSubject(subject, FhirExamples.Patient()));
    }

    [Fact]
    public void BuildSubject_ClaimsWithId_Throws()
    {
        var claims = FhirExamples.Patient();
        claims["id"] = "example";

        Assert.Throws<ArgumentException>(() => CredentialSubjectBuilder.BuildSubject(SubjectDid, claims));
    }

    [Theory]
    [InlineData("https://hospital.example", DataModelVersion.V2_0, "https://hospital.example/schemas/PatientIdentityCredential.json")]
    [InlineData("https://hospital.example/", DataModelVersion.V1_1, "https://hospital.example/schemas/PatientIdentityCredential.json")]
    [InlineData("https://hospital.example/issuer/", DataModelVersion.V2_0, "https://hospital.example/issuer/schemas/PatientIdentityCredential.json")]
    [InlineData("http://127.0.0.1:5080/issuer?x=1", DataModelVersion.V2_0, "http://127.0.0.1:5080/issuer/schemas/PatientIdentityCredential.json")]
    public void BuildCredentialSchema_BaseUrl_AbsoluteSchemaUrlOfTypeJsonSchema(string baseUrl, DataModelVersion version, string expected)
    {
        CredentialTypeCatalog.CreateShipped().TryGet(CredentialTypeNames.PatientIdentity, out var definition);

        var schema = CredentialSubjectBuilder.BuildCredentialSchema(new Uri(baseUrl), definition!, version);

        Assert.Equal($$"""{"id":"{{expected}}","type":"JsonSchema"}""", schema.ToJsonString());
    }

    [Theory]
    [InlineData("/issuer")]
    [InlineData("ftp://hospital.example/")]
    public void BuildCredentialSchema_NotAnHttpBaseUrl_Throws(string baseUrl)
    {
        CredentialTypeCatalog.CreateShipped().TryGet(CredentialTypeNames.PatientIdentity, out var definition);

        Assert.Throws<ArgumentException>(() => CredentialSubjectBuilder.BuildCredentialSchema(new Uri(baseUrl, UriKind.RelativeOrAbsolute), definition!));
    }

    [Fact]
    public void BuildEvidence_OneObject_WrappedInACopiedArray()
    {
        var entry = new JsonObject { ["type"] = "SupportingActivity" };

        var evidence = CredentialSubjectBuilder.BuildEvidence(entry);

        Assert.Equal("""[{"type":"SupportingActivity"}]""", evidence.ToJsonString());
        Assert.NotSame(entry, evidence[0]);
    }

    [Fact]
    public void Build_AllMembers_FormACredentialTheSharedModelReads()
    {
        // What the issuance endpoint assembles from this helper, read back by the verification engine's model.
        CredentialTypeCatalog.CreateShipped().TryGet(CredentialTypeNames.BiometricObservation, out var definition);
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(CredentialContexts.V2),
            ["type"] = new JsonArray("VerifiableCredential", definition!.Name),
            ["issuer"] = "did:ethr:0x5:0x7e5f4552091a69125d5dfcb7b8c2659029395bdf",
            ["validFrom"] = "2026-11-30T10:00:00Z",
            ["credentialSubject"] = CredentialSubjectBuilder.BuildSubject(SubjectDid, FhirExamples.BloodPressure()),
            ["credentialSchema"] = CredentialSubjectBuilder.BuildCredentialSchema(new Uri("https://hospital.example"), definition),
            ["evidence"] = CredentialSubjectBuilder.BuildEvidence(new JsonObject { ["type"] = "SupportingActivity" }),
        };

        Assert.True(VerifiableCredential.TryCreate(credential, out var parsed, out var error), error?.Message);
        Assert.Equal(SubjectDid, parsed.Subjects[0].Id);
        Assert.True(parsed.Subjects[0].TryGetClaim("component", out var components));
        Assert.Equal(2, components.GetArrayLength());
        Assert.Equal("https://hospital.example/schemas/BiometricObservationCredential.json", parsed.CredentialSchemas[0].GetProperty("id").GetString());
        Assert.Single(parsed.Evidence);
    }
}
