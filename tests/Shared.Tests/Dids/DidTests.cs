using Identity.Shared.Dids;

namespace Identity.Shared.Tests.Dids;

public sealed class DidTests
{
    [Theory]
    [InlineData("did:example:123456789abcdefghi", "example", "123456789abcdefghi")]
    [InlineData("did:ethr:0xb9c5714089478a327f09197987f16f9e5d936e8a", "ethr", "0xb9c5714089478a327f09197987f16f9e5d936e8a")]
    [InlineData("did:ethr:0x1:0xb9c5714089478a327f09197987f16f9e5d936e8a", "ethr", "0x1:0xb9c5714089478a327f09197987f16f9e5d936e8a")]
    [InlineData("did:web:example.com%3A3000:user:alice", "web", "example.com%3A3000:user:alice")]
    [InlineData("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", "key", "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")]
    [InlineData("did:a1:b", "a1", "b")]
    [InlineData("did:ex::a", "ex", ":a")]
    [InlineData("did:ex:a.b-c_d", "ex", "a.b-c_d")]
    public void TryParse_ValidDid_SplitsMethodAndId(string text, string method, string id)
    {
        Assert.True(Did.TryParse(text, out var did));
        Assert.Equal(method, did.Method);
        Assert.Equal(id, did.MethodSpecificId);
        Assert.Equal(text, did.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("did:")]
    [InlineData("did:ex")]
    [InlineData("did:ex:")]
    [InlineData("did::abc")]
    [InlineData("DID:ex:abc")]
    [InlineData("did:Ex:abc")] // method-name is lower case
    [InlineData("did:ex-ample:abc")]
    [InlineData("did:ex:abc:")] // must not end in ':'
    [InlineData("did:ex:a b")]
    [InlineData("did:ex:a%2")]
    [InlineData("did:ex:a%zz")]
    [InlineData("did:ex:a/b")] // a path makes it a DID URL
    [InlineData("did:ex:a#b")]
    [InlineData("did:ex:ä")]
    public void TryParse_Invalid_ReturnsFalse(string? text) => Assert.False(Did.TryParse(text, out _));

    [Fact]
    public void TryParse_PctEncoded_Accepted() => Assert.True(Did.TryParse("did:ex:a%3Ab%2f", out _));

    [Fact]
    public void Parse_Invalid_ThrowsFormatException() => Assert.Throws<FormatException>(() => Did.Parse("did:ex:"));

    [Fact]
    public void Equals_SameString_EqualAndSameHash()
    {
        var a = Did.Parse("did:ex:abc");
        var b = Did.Parse("did:ex:abc");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Did.Parse("did:ex:ABC"));
    }
}
