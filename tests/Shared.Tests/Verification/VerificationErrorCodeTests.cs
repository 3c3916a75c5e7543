using System.Text.RegularExpressions;
using Identity.Shared.Verification;
using Identity.TestSupport;

namespace Identity.Shared.Tests.Verification;

public sealed partial class VerificationErrorCodeTests
{
    private static readonly string[] DesignCodes =
    [
        "malformed", "unsupported_algorithm", "invalid_signature", "key_not_authorized", "did_not_found",
        "did_deactivated", "resolution_failed", "expired", "not_yet_valid", "revoked", "suspended",
        "status_unavailable", "untrusted_issuer", "holder_mismatch", "audience_mismatch", "nonce_mismatch",
        "nonce_replayed",
    ];

    public static TheoryData<string> AllCodes
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var code in VerificationErrorCode.All)
            {
                data.Add(code.Value);
            }

            return data;
        }
    }

    [Fact]
    public void All_ContainsEveryCodeOfTheDesign()
    {
        var values = VerificationErrorCode.All.Select(code => code.Value).ToHashSet(StringComparer.Ordinal);
        Assert.All(DesignCodes, code => Assert.Contains(code, values));
    }

    [Fact]
    public void All_CodesAreDistinctSnakeCase()
    {
        var values = VerificationErrorCode.All.Select(code => code.Value).ToList();
        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
        Assert.All(values, value => Assert.Matches(SnakeCase(), value));
    }

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void Description_IsOneFixedSentence(string value)
    {
        var code = VerificationErrorCode.Parse(value);
        Assert.False(string.IsNullOrWhiteSpace(code.Description));
        Assert.EndsWith(".", code.Description, StringComparison.Ordinal);
        Assert.Single(code.Description.Split(". ", StringSplitOptions.None));

        // It is sent inside a quoted WWW-Authenticate parameter: no quote or backslash to escape.
        Assert.DoesNotContain('"', code.Description);
        Assert.DoesNotContain('\\', code.Description);
    }

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void DocsErrorsMd_HasAnchorAndDescriptionForCode(string value)
    {
        var code = VerificationErrorCode.Parse(value);
        var sections = ReadSections();
        Assert.True(sections.ContainsKey(code.Anchor), $"docs/errors.md has no section '## {code.Anchor}'.");
        Assert.Equal(code.Description, sections[code.Anchor]);
    }

    [Fact]
    public void DocsErrorsMd_DocumentsNoUnknownCode()
    {
        var sections = ReadSections();
        Assert.All(sections.Keys, heading => Assert.True(VerificationErrorCode.TryParse(heading, out _), $"docs/errors.md documents unknown code '{heading}'."));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("MALFORMED")]
    [InlineData("invalid-signature")]
    [InlineData("unknown_code")]
    public void TryParse_UnknownValue_ReturnsFalse(string? value)
    {
        Assert.False(VerificationErrorCode.TryParse(value, out _));
    }

    [Fact]
    public void Default_BehavesAsMalformed()
    {
        VerificationErrorCode code = default;
        Assert.Equal(VerificationErrorCode.Malformed, code);
        Assert.Equal("malformed", code.Value);
        Assert.Equal(VerificationErrorCode.Malformed.Description, code.Description);
    }

    [Fact]
    public void GetDocumentationUri_AppendsCodeAsFragment()
    {
        var uri = VerificationErrorCode.NotYetValid.GetDocumentationUri(new Uri("https://example.org/docs/errors"));
        Assert.Equal("https://example.org/docs/errors#not_yet_valid", uri.AbsoluteUri);
    }

    [Fact]
    public void VerificationError_WithoutMessage_UsesDescription()
    {
        var error = new VerificationError(VerificationErrorCode.Expired);
        Assert.Equal(VerificationErrorCode.Expired, error.Code);
        Assert.Equal("The token or credential has expired.", error.Message);
    }

    // Each "## code" heading, mapped to the first paragraph under it (the fixed description).
    private static Dictionary<string, string> ReadSections()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.RepositoryRoot, "docs", "errors.md"));
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                continue;
            }

            var heading = lines[i][3..].Trim();
            var paragraph = lines.Skip(i + 1).SkipWhile(string.IsNullOrWhiteSpace).TakeWhile(line => !string.IsNullOrWhiteSpace(line));
            Assert.True(sections.TryAdd(heading, string.Join(' ', paragraph)), $"docs/errors.md has '## {heading}' twice.");
        }

        return sections;
    }

    [GeneratedRegex("^[a-z]+(_[a-z]+)*$")]
    private static partial Regex SnakeCase();
}
