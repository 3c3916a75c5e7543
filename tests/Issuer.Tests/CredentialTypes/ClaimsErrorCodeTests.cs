using Identity.Issuer.CredentialTypes;

namespace Identity.Issuer.Tests.CredentialTypes;

public sealed class ClaimsErrorCodeTests
{
    [Fact]
    public void All_Codes_AreDistinctSnakeCaseWithDescriptions()
    {
        Assert.Equal(
            ["unknown_type", "schema_violation", "invalid_fhir", "invalid_evidence", "biometric_data_not_allowed", "input_too_large", "input_too_deep"],
            ClaimsErrorCode.All.Select(c => c.Value));
        Assert.All(ClaimsErrorCode.All, c => Assert.Matches("^[a-z]+(_[a-z]+)*$", c.Value));
        Assert.All(ClaimsErrorCode.All, c => Assert.EndsWith(".", c.Description, StringComparison.Ordinal));
        Assert.Equal(ClaimsErrorCode.All.Count, ClaimsErrorCode.All.Select(c => c.Description).Distinct().Count());
    }

    [Fact]
    public void TryParse_EachCode_RoundTrips()
    {
        Assert.All(ClaimsErrorCode.All, c => Assert.Equal(c, ClaimsErrorCode.Parse(c.Value)));
        Assert.False(ClaimsErrorCode.TryParse("Invalid_Fhir", out _));
        Assert.False(ClaimsErrorCode.TryParse(null, out _));
        Assert.Throws<FormatException>(() => ClaimsErrorCode.Parse("malformed"));
    }

    [Fact]
    public void Default_FailsClosedAsSchemaViolation()
    {
        Assert.Equal(ClaimsErrorCode.SchemaViolation, default(ClaimsErrorCode));
        Assert.Equal("schema_violation", default(ClaimsErrorCode).ToString());
    }
}
