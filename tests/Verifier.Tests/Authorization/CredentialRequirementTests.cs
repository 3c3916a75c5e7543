using System.Text.Json;
using Identity.Verifier.Authorization;
using Identity.Verifier.Claims;

namespace Identity.Verifier.Tests.Authorization;

/// <summary>The requirement behind the policies, on its own: type, issuer, validity window and predicate.</summary>
public sealed class CredentialRequirementTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, bool> Cases() => new()
    {
        { "matching", true },
        { "other type", false },
        { "other issuer", false },
        { "expired an instant ago", false },
        { "not valid yet", false },
        { "predicate false", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsMetBy_Credential_Expected(string name, bool expected)
    {
        var requirement = new CredentialRequirement("HealthInsuranceCredential", ["did:example:hospital"], (c, _) => name != "predicate false");
        var credential = new VerifiedCredential
        {
            Issuer = name == "other issuer" ? "did:example:clinic" : "did:example:hospital",
            Types = ["VerifiableCredential", name == "other type" ? "PatientIdentityCredential" : "HealthInsuranceCredential"],
            ValidFrom = name == "not valid yet" ? Now.AddSeconds(1) : Now.AddDays(-1),
            ValidUntil = name == "expired an instant ago" ? Now : Now.AddDays(1),
            Claims = JsonDocument.Parse("{}").RootElement,
        };

        Assert.Equal(expected, requirement.IsMetBy(credential, Now));
    }

    [Fact]
    public void VerifiedCredential_JsonRoundTrip_Equal()
    {
        var credential = new VerifiedCredential
        {
            Issuer = "did:example:hospital",
            Subject = "did:example:patient",
            Types = ["VerifiableCredential", "PatientIdentityCredential"],
            ValidFrom = Now.AddDays(-1),
            ValidUntil = Now.AddDays(1),
            Claims = JsonDocument.Parse("""{"birthDate":"1990-04-01"}""").RootElement,
        };

        Assert.True(VerifiedCredential.TryParse(credential.ToJson(), out var back));
        Assert.Equal(credential.Issuer, back.Issuer);
        Assert.Equal(credential.Subject, back.Subject);
        Assert.Equal(credential.Types, back.Types);
        Assert.Equal(credential.ValidFrom, back.ValidFrom);
        Assert.Equal(credential.ValidUntil, back.ValidUntil);
        Assert.Equal("1990-04-01", back.Claims.GetProperty("birthDate").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"issuer\":1,\"types\":[],\"claims\":{}}")]
    [InlineData("{\"issuer\":\"did:a\",\"types\":[1],\"claims\":{}}")]
    [InlineData("{\"issuer\":\"did:a\"")]
    public void VerifiedCredential_TryParseBadJson_False(string json) =>
        Assert.False(VerifiedCredential.TryParse(json, out _));
}
