using System.Text.Json;
using Identity.Verifier.Claims;

namespace Identity.Verifier.Tests.Claims;

/// <summary>Claim paths over a FHIR-shaped subject.</summary>
public sealed class ClaimPathTests
{
    private static readonly JsonElement Subject = JsonDocument.Parse("""
        {
          "name": [ { "given": ["Alice", "B."], "family": "Example" }, { "text": "Ally" } ],
          "birthDate": "1990-04-01",
          "code": { "coding": [ { "code": "85354-9" }, { "code": "8867-4" } ] }
        }
        """).RootElement;

    [Theory]
    [InlineData("birthDate", "1990-04-01")]
    [InlineData("name[0].family", "Example")]
    [InlineData("name[0].given[1]", "B.")]
    [InlineData("name[1].text", "Ally")]
    [InlineData("code.coding[*].code", "85354-9|8867-4")]
    [InlineData("name[*].given[0]", "Alice")]
    [InlineData("name[2].family", "")]
    [InlineData("birthDate.year", "")]
    [InlineData("missing", "")]
    [InlineData("name[0][0]", "")]
    public void Select_Path_Values(string path, string expected) =>
        Assert.Equal(expected, string.Join('|', ClaimPath.Parse(path).Select(Subject).Select(e => e.GetString())));

    [Theory]
    [InlineData("")]
    [InlineData(".a")]
    [InlineData("a.")]
    [InlineData("a[")]
    [InlineData("a[x]")]
    [InlineData("a[-1]")]
    [InlineData("a[]")]
    [InlineData("[0]")]
    [InlineData("a]b")]
    public void TryParse_Invalid_False(string path) => Assert.False(ClaimPath.TryParse(path, out _));
}
