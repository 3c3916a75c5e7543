using Identity.Issuer.Api;
using Identity.TestSupport;

namespace Identity.Issuer.Tests.Api;

/// <summary>Every problem code the API can answer with is documented in docs/issuer.md, and only those.</summary>
public sealed class IssuerErrorDocumentationTests
{
    [Fact]
    public void AllCodes_EachDocumented_InIssuerDocs()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryPaths.RepositoryRoot, "docs", "issuer.md"));
        var documented = docs.Split('\n')
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal) && (line.Contains("` | 4", StringComparison.Ordinal) || line.Contains("` | 5", StringComparison.Ordinal)))
            .Select(line => line[3..line.IndexOf('`', 3)])
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(IssuerError.AllCodes.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }
}
