using Identity.Shared.Dids;

namespace Identity.Shared.Tests.Dids;

public sealed class DidUrlTests
{
    [Theory]
    [InlineData("did:ex:123", "", null, null)]
    [InlineData("did:ex:123#key-1", "", null, "key-1")]
    [InlineData("did:ex:123/path/to?x=1#frag", "/path/to", "x=1", "frag")]
    [InlineData("did:ex:123?versionId=42", "", "versionId=42", null)]
    [InlineData("did:ex:123/", "/", null, null)]
    [InlineData("did:ex:123?", "", "", null)]
    [InlineData("did:ex:123#", "", null, "")]
    [InlineData("did:ex:123?a=b/c?d#e/f?g", "", "a=b/c?d", "e/f?g")]
    public void TryParse_Valid_SplitsComponents(string text, string path, string? query, string? fragment)
    {
        Assert.True(DidUrl.TryParse(text, out var url));
        Assert.Equal("did:ex:123", url.Did.Value);
        Assert.Equal(path, url.Path);
        Assert.Equal(query, url.Query);
        Assert.Equal(fragment, url.Fragment);
    }

    [Theory]
    [InlineData("did:ex:123#a#b")]
    [InlineData("did:ex:123#a b")]
    [InlineData("did:ex:123?a b")]
    [InlineData("did:ex:123/a b")]
    [InlineData("did:ex:123/%zz")]
    [InlineData("did:ex:123?x=[1]")]
    [InlineData("did:ex:/path")]
    [InlineData("did:EX:1#a")]
    public void TryParse_Invalid_ReturnsFalse(string text) => Assert.False(DidUrl.TryParse(text, out _));

    [Fact]
    public void DidParameters_FromQuery_AreDecoded()
    {
        var url = DidUrl.Parse("did:ex:123?service=files&relativeRef=%2Fresume.pdf&versionId=7&versionTime=2021-05-10T17:00:00Z");
        Assert.Equal("files", url.Service);
        Assert.Equal("/resume.pdf", url.RelativeRef);
        Assert.Equal("7", url.VersionId);
        Assert.Equal("2021-05-10T17:00:00Z", url.VersionTime);
        Assert.True(url.TryGetVersionTime(out var time));
        Assert.Equal(new DateTimeOffset(2021, 5, 10, 17, 0, 0, TimeSpan.Zero), time);
        Assert.Null(url.GetQueryParameter("missing"));
    }

    [Fact]
    public void WithoutFragment_DropsFragmentOnly()
    {
        Assert.Equal("did:ex:1?versionId=3", DidUrl.Parse("did:ex:1?versionId=3#key-1").WithoutFragment);
        Assert.True(DidUrl.Parse("did:ex:1").IsDid);
        Assert.False(DidUrl.Parse("did:ex:1#k").IsDid);
    }

    [Theory]
    [InlineData("#key-1", "did:ex:1#key-1")]
    [InlineData("?service=a", "did:ex:1?service=a")]
    [InlineData("did:other:2#k", "did:other:2#k")]
    public void ResolveReference_RelativeAndAbsolute_Resolved(string reference, string expected) =>
        Assert.Equal(expected, DidUrl.ResolveReference(reference, "did:ex:1"));
}
