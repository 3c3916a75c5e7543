using System.Text.Json.Nodes;
using Identity.Shared.Credentials;
using Identity.Shared.Verification;

namespace Identity.Shared.Tests.Credentials;

public sealed class VerifiablePresentationTests
{
    [Fact]
    public void Create_V1WithJwts_ListsJwtCredentials()
    {
        var presentation = VerifiablePresentation.Create(DataModelVersion.V1_1, "did:example:holder", [CredentialSamples.DidJwtVcJwt]);

        Assert.Equal("did:example:holder", presentation.Holder!.Id);
        var credential = Assert.Single(presentation.Credentials);
        Assert.Equal(PresentedCredentialKind.Jwt, credential.Kind);
        Assert.Equal(CredentialSamples.DidJwtVcJwt, credential.Token);
    }

    [Fact]
    public void Create_V2_EnvelopesEachToken()
    {
        var presentation = VerifiablePresentation.Create(DataModelVersion.V2_0, "did:example:holder", ["a.b.c"]);

        var credential = Assert.Single(presentation.Credentials);
        Assert.Equal(PresentedCredentialKind.Enveloped, credential.Kind);
        Assert.Equal("a.b.c", credential.Token);
        Assert.Equal("application/vc+jwt", credential.MediaType);
        Assert.Equal("data:application/vc+jwt,a.b.c", credential.Json.GetProperty("id").GetString());
    }

    [Fact]
    public void TryCreate_ObjectWithProofJwt_IsTheJwt()
    {
        var json = Presentation(new JsonObject { ["proof"] = new JsonObject { ["type"] = "JwtProof2020", ["jwt"] = "x.y.z" } });

        var presentation = VerifiablePresentation.Create(json);

        Assert.Equal("x.y.z", Assert.Single(presentation.Credentials).Token);
    }

    [Fact]
    public void TryCreate_EmbeddedCredential_IsValidatedAndExposed()
    {
        var presentation = VerifiablePresentation.Create(Presentation(CredentialSamples.V1()));

        var credential = Assert.Single(presentation.Credentials);
        Assert.Equal(PresentedCredentialKind.Embedded, credential.Kind);
        Assert.Equal(CredentialSamples.Issuer, credential.Credential!.Issuer.Id);
    }

    [Theory]
    [InlineData("envelope without data url", "no id data: URL")]
    [InlineData("envelope base64", "no id data: URL")]
    [InlineData("number", "neither a JWT string nor an object")]
    [InlineData("broken embedded credential", "has no issuer")]
    [InlineData("no VerifiablePresentation type", "does not include VerifiablePresentation")]
    [InlineData("holder not url", "holder is not an absolute URL")]
    public void TryCreate_BrokenRule_IsMalformed(string name, string message)
    {
        var broken = CredentialSamples.V1();
        broken.Remove("issuer");
        var json = name switch
        {
            "envelope without data url" => Presentation(new JsonObject { ["type"] = "EnvelopedVerifiableCredential", ["id"] = "https://x.example" }),
            "envelope base64" => Presentation(new JsonObject { ["type"] = "EnvelopedVerifiableCredential", ["id"] = "data:application/vc+cose;base64,AAAA" }),
            "number" => Presentation(42),
            "broken embedded credential" => Presentation(broken),
            "no VerifiablePresentation type" => Modify(Presentation("a.b.c"), j => j["type"] = "Other"),
            _ => Modify(Presentation("a.b.c"), j => j["holder"] = "holder"),
        };

        Assert.False(VerifiablePresentation.TryCreate(json, out _, out var error));
        Assert.Equal(VerificationErrorCode.Malformed, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Presentation(JsonNode credential) => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1"),
        ["type"] = "VerifiablePresentation",
        ["holder"] = "did:example:holder",
        ["verifiableCredential"] = new JsonArray(credential),
    };

    private static JsonObject Modify(JsonObject json, Action<JsonObject> change)
    {
        change(json);
        return json;
    }
}
