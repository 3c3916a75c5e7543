using System.Text.Json.Nodes;
using Identity.Shared.Credentials;
using Identity.Shared.Verification;

namespace Identity.Shared.Tests.Credentials;

public sealed class VerifiableCredentialTests
{
    private static readonly Dictionary<string, (Action<JsonObject> Break, string Message)> Breakages = new()
    {
        ["no context"] = (c => c.Remove("@context"), "has no @context"),
        ["context not first"] = (c => c["@context"] = new JsonArray("https://www.w3.org/2018/credentials/examples/v1", "https://www.w3.org/2018/credentials/v1"), "first @context"),
        ["context number"] = (c => c["@context"] = 5, "non-empty list"),
        ["contexts mixed"] = (c => c["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1", "https://www.w3.org/ns/credentials/v2"), "mixes"),
        ["id not url"] = (c => c["id"] = "not a url", "id is not an absolute URL"),
        ["id absolute path"] = (c => c["id"] = "/credentials/1872", "id is not an absolute URL"),
        ["no type"] = (c => c.Remove("type"), "has no type"),
        ["type without VerifiableCredential"] = (c => c["type"] = new JsonArray("AlumniCredential"), "does not include VerifiableCredential"),
        ["type with number"] = (c => c["type"] = new JsonArray("VerifiableCredential", 3), "type is not"),
        ["no issuer"] = (c => c.Remove("issuer"), "has no issuer"),
        ["issuer object without id"] = (c => c["issuer"] = new JsonObject { ["name"] = "x" }, "issuer.id is missing"),
        ["issuer number"] = (c => c["issuer"] = 1, "neither a URL nor an object"),
        ["no subject"] = (c => c.Remove("credentialSubject"), "has no credentialSubject"),
        ["subject string"] = (c => c["credentialSubject"] = "did:example:1", "credentialSubject is not an object"),
        ["subject empty array"] = (c => c["credentialSubject"] = new JsonArray(), "credentialSubject is not an object"),
        ["subject empty"] = (c => c["credentialSubject"] = new JsonObject(), "is empty"),
        ["subject id not url"] = (c => c["credentialSubject"]!["id"] = "nope", "credentialSubject.id"),
        ["no issuanceDate"] = (c => c.Remove("issuanceDate"), "no issuanceDate"),
        ["issuanceDate without zone"] = (c => c["issuanceDate"] = "2010-01-01T19:23:24", "issuanceDate is not a date-time"),
        ["issuanceDate date only"] = (c => c["issuanceDate"] = "2010-01-01", "issuanceDate is not a date-time"),
        ["expiration before issuance"] = (c => c["expirationDate"] = "2009-01-01T00:00:00Z", "expirationDate is before"),
        ["status without type"] = (c => c["credentialStatus"] = new JsonObject { ["id"] = "https://x.example/1" }, "no type string"),
        ["status string"] = (c => c["credentialStatus"] = "https://x.example/1", "credentialStatus is not an object"),
        ["schema without id"] = (c => c["credentialSchema"] = new JsonObject { ["type"] = "JsonSchema" }, "credentialSchema of the credential has no id"),
        ["evidence without type"] = (c => c["evidence"] = new JsonObject { ["id"] = "https://x.example/e" }, "evidence of the credential has no type"),
    };

    public static TheoryData<string> BreakageNames => new(Breakages.Keys);

    [Fact]
    public void TryCreate_V1Example_ExposesTypedMembers()
    {
        Assert.True(VerifiableCredential.TryCreate(CredentialSamples.V1(), out var credential, out var error), error?.Message);

        Assert.Equal(DataModelVersion.V1_1, credential.Version);
        Assert.Equal(["https://www.w3.org/2018/credentials/v1", "https://www.w3.org/2018/credentials/examples/v1"], credential.Contexts);
        Assert.Equal("http://example.edu/credentials/1872", credential.Id);
        Assert.Equal(["VerifiableCredential", "AlumniCredential"], credential.Types);
        Assert.Equal(CredentialSamples.Issuer, credential.Issuer.Id);
        Assert.Equal("Example University", credential.Issuer.Name);
        Assert.Equal(CredentialSamples.Subject, Assert.Single(credential.Subjects).Id);
        Assert.Equal(new DateTimeOffset(2010, 1, 1, 19, 23, 24, TimeSpan.Zero), credential.IssuanceDate);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 19, 23, 24, TimeSpan.Zero), credential.NotAfter);
        Assert.Equal("BitstringStatusListEntry", Assert.Single(credential.Statuses).Type);
        Assert.Single(credential.CredentialSchemas);
        Assert.Single(credential.Evidence);
        Assert.Single(credential.TermsOfUse);
        Assert.Single(credential.RefreshServices);
        Assert.Null(credential.ValidFrom);
    }

    [Fact]
    public void TryCreate_V2Example_ReadsValidityAndStatusArray()
    {
        var credential = VerifiableCredential.Create(CredentialSamples.V2());

        Assert.Equal(DataModelVersion.V2_0, credential.Version);
        Assert.Equal(new DateTimeOffset(2010, 1, 1, 0, 0, 0, TimeSpan.Zero), credential.ValidFrom);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), credential.ValidUntil);
        Assert.Equal(credential.ValidFrom, credential.NotBefore);
        Assert.Null(credential.IssuanceDate);
        Assert.Equal(2, credential.Statuses.Count);
    }

    [Fact]
    public void TryCreate_V2WithoutDates_IsValid()
    {
        var json = CredentialSamples.V2();
        json.Remove("validFrom");
        json.Remove("validUntil");

        Assert.True(VerifiableCredential.TryCreate(json, out var credential, out _));
        Assert.Null(credential.NotBefore);
    }

    [Fact]
    public void TryCreate_SeveralSubjects_ListsThemAll()
    {
        var json = CredentialSamples.V2();
        json["credentialSubject"] = new JsonArray(new JsonObject { ["id"] = "did:example:a", ["n"] = 1 }, new JsonObject { ["n"] = 2 });

        var credential = VerifiableCredential.Create(json);

        Assert.Equal(["did:example:a", null], credential.Subjects.Select(s => s.Id));
    }

    [Fact]
    public void ToJsonString_ParsedDocument_KeepsEveryMemberInOrder()
    {
        var text = CredentialSamples.V1().ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        var credential = VerifiableCredential.Parse(text);

        Assert.Equal(text, credential.ToJsonString());
        Assert.Equal(["@context", "id", "type", "issuer", "issuanceDate", "expirationDate", "credentialSubject", "credentialStatus", "credentialSchema", "evidence", "termsOfUse", "refreshService", "name", "x-custom"],
            credential.Json.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void ToJsonObject_Mutated_DoesNotChangeCredential()
    {
        var credential = VerifiableCredential.Create(CredentialSamples.V1());

        var copy = credential.ToJsonObject();
        copy["issuer"] = "did:example:someone-else";

        Assert.Equal(CredentialSamples.Issuer, credential.Issuer.Id);
        Assert.Contains(CredentialSamples.Issuer, credential.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BreakageNames))]
    public void TryCreate_BrokenRule_IsMalformedWithPreciseMessage(string name)
    {
        var json = CredentialSamples.V1();
        var (breakIt, message) = Breakages[name];
        breakIt(json);

        Assert.False(VerifiableCredential.TryCreate(json, out _, out var error));
        Assert.Equal(VerificationErrorCode.Malformed, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{")]
    [InlineData("{\"@context\":1,\"@context\":2}")]
    [InlineData("\"text\"")]
    public void TryParse_NotAJsonObject_IsMalformed(string text)
    {
        Assert.False(VerifiableCredential.TryParse(text, out _, out var error));
        Assert.Equal(VerificationErrorCode.Malformed, error.Code);
    }

    [Fact]
    public void TryParse_DeeplyNested_IsMalformedNotAnException()
    {
        var text = "{\"x\":" + new string('[', 5000) + new string(']', 5000) + "}";

        Assert.False(VerifiableCredential.TryParse(text, out _, out var error));
        Assert.Equal(VerificationErrorCode.Malformed, error.Code);
    }

    [Fact]
    public void TryCreate_V2DateWithFractionAndOffset_Parses()
    {
        var json = CredentialSamples.V2();
        json["validFrom"] = "2010-01-01T02:00:00.123456789+02:00";

        var credential = VerifiableCredential.Create(json);

        Assert.Equal(new DateTimeOffset(2010, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1234567), credential.ValidFrom);
    }
}
