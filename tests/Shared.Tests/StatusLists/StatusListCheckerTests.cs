using System.Text.Json.Nodes;
using Identity.Shared.Credentials;
using Identity.Shared.StatusLists;
using Identity.Shared.Verification;

namespace Identity.Shared.Tests.StatusLists;

public sealed class StatusListCheckerTests
{
    private const string ListUrl = "https://example.com/credentials/status/3";

    [Theory]
    [InlineData("revocation", 94567, true, "revoked")]
    [InlineData("revocation", 94566, false, null)]
    [InlineData("suspension", 94567, true, "suspended")]
    [InlineData("refresh", 94567, true, null)]
    public void TryCheck_OneBitPurposes_MapToCodes(string purpose, long index, bool set, string? code)
    {
        var list = List([purpose], new BitstringStatusListBuilder().Set(94567, true).ToStatusList());
        var entry = Entry(purpose, index);

        Assert.True(StatusListChecker.TryCheck(entry, list, out var result, out var error), error?.Message);

        Assert.Equal(set, result.IsSet);
        Assert.Equal(code, result.ToError()?.Code.Value);
    }

    [Fact]
    public void TryCheck_SpecExampleList_EveryEntryIsValid()
    {
        var credential = VerifiableCredential.Parse("""
            {
              "@context": ["https://www.w3.org/ns/credentials/v2"],
              "id": "https://example.com/credentials/status/3",
              "type": ["VerifiableCredential", "BitstringStatusListCredential"],
              "issuer": "did:example:12345",
              "validFrom": "2021-04-05T14:27:40Z",
              "credentialSubject": {
                "id": "https://example.com/status/3#list",
                "type": "BitstringStatusList",
                "statusPurpose": "revocation",
                "encodedList": "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"
              }
            }
            """);
        Assert.True(StatusListCredential.TryCreate(credential, null, out var list, out var error), error?.Message);

        Assert.True(StatusListChecker.TryCheck(Entry("revocation", 94567), list, out var result, out error), error?.Message);
        Assert.False(result.IsSet);
        Assert.Null(result.ToError());
    }

    [Fact]
    public void TryCheck_StatusList2021Credential_Decodes()
    {
        var credential = VerifiableCredential.Parse("""
            {
              "@context": ["https://www.w3.org/2018/credentials/v1", "https://w3id.org/vc/status-list/2021/v1"],
              "id": "https://example.com/credentials/status/3",
              "type": ["VerifiableCredential", "StatusList2021Credential"],
              "issuer": "did:example:12345",
              "issuanceDate": "2021-04-05T14:27:40Z",
              "credentialSubject": {
                "id": "https://example.com/status/3#list",
                "type": "StatusList2021",
                "statusPurpose": "revocation",
                "encodedList": "H4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"
              }
            }
            """);
        Assert.True(StatusListCredential.TryCreate(credential, null, out var list, out var error), error?.Message);
        Assert.Equal(StatusListFormat.StatusList2021, list.Format);

        var entry = Entry("revocation", 94567) with { Format = StatusListFormat.StatusList2021 };
        Assert.True(StatusListChecker.TryCheck(entry, list, out var result, out error), error?.Message);
        Assert.False(result.IsSet);

        Assert.False(StatusListChecker.TryCheck(Entry("revocation", 94567), list, out _, out error));
        Assert.Equal(VerificationErrorCode.StatusUnavailable, error.Code);
    }

    [Fact]
    public void TryCheck_MessageEntry_ReturnsValueAndMessage()
    {
        var bits = new BitstringStatusListBuilder(500_000, statusSize: 2).Set(492847, 2).ToStatusList();
        var list = List(["message"], bits, "https://example.com/credentials/status/8");
        var entry = BitstringStatusListEntryTests.Parse(BitstringStatusListEntryTests.MessageEntry());

        Assert.True(StatusListChecker.TryCheck(entry, list, out var result, out var error), error?.Message);

        Assert.Equal(2, result.Status);
        Assert.Equal("rejected", result.Message);
        Assert.Null(result.ToError());
    }

    [Theory]
    [InlineData("purpose not served", "does not serve the entry's statusPurpose")]
    [InlineData("index beyond the end", "beyond the end")]
    [InlineData("statusSize 2 on a minimum one-bit list", "fewer than 131,072 entries")]
    [InlineData("list id differs", "is not the entry's statusListCredential")]
    public void TryCheck_EntryDoesNotFitTheList_IsStatusUnavailable(string name, string message)
    {
        var list = List(["revocation"], new BitstringStatusListBuilder().ToStatusList(), name == "list id differs" ? "https://example.com/other" : ListUrl);
        var entry = name switch
        {
            "purpose not served" => Entry("suspension", 1),
            "index beyond the end" => Entry("revocation", 131_072),
            "statusSize 2 on a minimum one-bit list" => Entry("revocation", 1) with { StatusSize = 2 },
            _ => Entry("revocation", 1),
        };

        Assert.False(StatusListChecker.TryCheck(entry, list, out _, out var error));
        Assert.Equal(VerificationErrorCode.StatusUnavailable, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a status list type", "neither BitstringStatusListCredential")]
    [InlineData("subject type wrong", "credentialSubject.type is not BitstringStatusList")]
    [InlineData("no purpose", "statusPurpose")]
    [InlineData("no encodedList", "encodedList is missing")]
    [InlineData("ttl negative", "ttl")]
    [InlineData("encodedList without prefix", "multibase prefix u")]
    public void TryCreate_BrokenStatusListCredential_IsMalformed(string name, string message)
    {
        var json = BitstringStatusListCredential.Create(ListUrl, "did:example:issuer", ["revocation"], new BitstringStatusListBuilder().ToStatusList()).ToJsonObject();
        var subject = json["credentialSubject"]!.AsObject();
        switch (name)
        {
            case "not a status list type": json["type"] = "VerifiableCredential"; break;
            case "subject type wrong": subject["type"] = "StatusList2021"; break;
            case "no purpose": subject.Remove("statusPurpose"); break;
            case "no encodedList": subject.Remove("encodedList"); break;
            case "ttl negative": subject["ttl"] = -1; break;
            default: subject["encodedList"] = subject["encodedList"]!.GetValue<string>()[1..]; break;
        }

        Assert.False(StatusListCredential.TryCreate(VerifiableCredential.Create(json), null, out _, out var error));
        Assert.Equal(VerificationErrorCode.Malformed, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static StatusListCredential List(string[] purposes, BitstringStatusList bits, string url = ListUrl)
    {
        var credential = BitstringStatusListCredential.Create(url, "did:example:issuer", purposes, bits, timeToLive: TimeSpan.FromMinutes(5));
        Assert.True(StatusListCredential.TryCreate(credential, null, out var list, out var error), error?.Message);
        Assert.Equal(TimeSpan.FromMinutes(5), list.TimeToLive);
        return list;
    }

    private static BitstringStatusListEntry Entry(string purpose, long index) => new()
    {
        StatusPurpose = purpose,
        StatusListIndex = index,
        StatusListCredential = ListUrl,
    };
}
