using Identity.Shared.Dids;

namespace Identity.Shared.Tests.Dids;

public sealed class DidResolutionResultTests
{
    [Fact]
    public void ToJson_Failure_WritesNullDocumentAndEmptyMetadata()
    {
        var result = DidResolutionResult.Failure(DidResolutionErrors.NotFound, "No such DID.");
        Assert.Equal("""{"didResolutionMetadata":{"error":"notFound","message":"No such DID."},"didDocument":null,"didDocumentMetadata":{}}""", result.ToJson());
        Assert.False(result.IsSuccess);
    }

    [Fact]
    public void ToJson_EthrStyleMetadata_WritesDidCoreTimes()
    {
        var result = DidResolutionResult.Success(
            new DidDocument { Id = "did:ethr:0x1", VerificationMethod = [], Authentication = [], AssertionMethod = [] },
            DidContentTypes.DidJson,
            new DidDocumentMetadata
            {
                Deactivated = true,
                VersionId = "42",
                Updated = new DateTimeOffset(2021, 3, 22, 18, 14, 29, TimeSpan.Zero),
                NextVersionId = "50",
                NextUpdate = new DateTimeOffset(2021, 3, 22, 20, 14, 29, TimeSpan.FromHours(2)),
            });
        Assert.Equal(
            """{"didResolutionMetadata":{"contentType":"application/did+json"},"didDocument":{"id":"did:ethr:0x1","verificationMethod":[],"authentication":[],"assertionMethod":[]},"didDocumentMetadata":{"updated":"2021-03-22T18:14:29Z","deactivated":true,"versionId":"42","nextUpdate":"2021-03-22T18:14:29Z","nextVersionId":"50"}}""",
            result.ToJson());
    }

    [Fact]
    public void TryParse_OwnOutput_RoundTrips()
    {
        var json = """{"didResolutionMetadata":{"contentType":"application/did+ld+json","extra":1},"didDocument":{"id":"did:ex:1"},"didDocumentMetadata":{"created":"2020-01-01T00:00:00Z","equivalentId":["did:ex:2"],"canonicalId":"did:ex:1","custom":"x"}}""";
        Assert.True(DidResolutionResult.TryParse(json, out var result, out var error), error);
        Assert.True(result.IsSuccess);
        Assert.Equal(json, result.ToJson());
    }

    [Theory]
    [InlineData("""{"didResolutionMetadata":{"error":5}}""")]
    [InlineData("""{"didDocumentMetadata":{"deactivated":"yes"}}""")]
    [InlineData("""{"didDocumentMetadata":{"updated":"yesterday"}}""")]
    [InlineData("""{"didDocument":{"id":"x"}}""")]
    [InlineData("3")]
    public void TryParse_Malformed_Fails(string json) => Assert.False(DidResolutionResult.TryParse(json, out _, out _));
}
