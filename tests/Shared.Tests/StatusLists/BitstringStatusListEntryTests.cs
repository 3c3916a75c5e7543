using System.Text.Json.Nodes;
using Identity.Shared.Credentials;
using Identity.Shared.StatusLists;
using Identity.Shared.Verification;

namespace Identity.Shared.Tests.StatusLists;

public sealed class BitstringStatusListEntryTests
{
    [Fact]
    public void TryParse_SpecRevocationExample_ReadsEveryMember()
    {
        var entry = Parse(new JsonObject
        {
            ["id"] = "https://example.com/credentials/status/3#94567",
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = "revocation",
            ["statusListIndex"] = "94567",
            ["statusListCredential"] = "https://example.com/credentials/status/3",
        });

        Assert.Equal(StatusListFormat.BitstringStatusList, entry.Format);
        Assert.Equal("https://example.com/credentials/status/3#94567", entry.Id);
        Assert.Equal(StatusPurposes.Revocation, entry.StatusPurpose);
        Assert.Equal(94567, entry.StatusListIndex);
        Assert.Equal("https://example.com/credentials/status/3", entry.StatusListCredential);
        Assert.Equal(1, entry.StatusSize);
        Assert.Empty(entry.StatusMessages);
    }

    [Fact]
    public void TryParse_SpecMessageExample_ReadsStatusSizeAndMessages()
    {
        var entry = Parse(MessageEntry());

        Assert.Equal(2, entry.StatusSize);
        Assert.Equal(492847, entry.StatusListIndex);
        Assert.Equal([new StatusMessage(0, "pending_review"), new StatusMessage(1, "accepted"), new StatusMessage(2, "rejected"), new StatusMessage(3, "undefined")], entry.StatusMessages);
    }

    [Fact]
    public void TryParse_StatusList2021Example_IsOneBit()
    {
        var entry = Parse(new JsonObject
        {
            ["id"] = "https://example.com/credentials/status/3#94567",
            ["type"] = "StatusList2021Entry",
            ["statusPurpose"] = "revocation",
            ["statusListIndex"] = "94567",
            ["statusListCredential"] = "https://example.com/credentials/status/3",
        });

        Assert.Equal(StatusListFormat.StatusList2021, entry.Format);
        Assert.Equal(1, entry.StatusSize);
    }

    [Fact]
    public void ToJsonObject_ThenParse_RoundTrips()
    {
        var entry = Parse(MessageEntry()) with { Id = null };

        Assert.Equal(entry.StatusMessages, Parse(entry.ToJsonObject()).StatusMessages);
        Assert.Equal(entry with { StatusMessages = [] }, Parse(entry.ToJsonObject()) with { StatusMessages = [] });
    }

    public static TheoryData<string, string> Breakages => new()
    {
        { "index as a number", "statusListIndex is not a string" },
        { "negative index", "statusListIndex is not a string" },
        { "index with leading zero", "statusListIndex is not a string" },
        { "index too long", "statusListIndex is not a string" },
        { "no purpose", "no statusPurpose" },
        { "list url relative", "statusListCredential is not an absolute URL" },
        { "id equals list url", "id is the status list's URL" },
        { "statusSize zero", "statusSize is not a positive integer" },
        { "statusSize string", "statusSize is not a positive integer" },
        { "statusSize too large", "larger than this verifier supports" },
        { "statusSize 2 without messages", "no statusMessage" },
        { "statusSize 2 with two messages", "exactly 2^statusSize" },
        { "message status not hex", "statusMessage item" },
        { "message status out of range", "statusMessage item" },
        { "message status repeated", "statusMessage item" },
        { "unknown type", "neither BitstringStatusListEntry" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void TryParse_BrokenRule_IsMalformed(string name, string message)
    {
        var json = MessageEntry();
        var messages = json["statusMessage"]!.AsArray();
        switch (name)
        {
            case "index as a number": json["statusListIndex"] = 5; break;
            case "negative index": json["statusListIndex"] = "-5"; break;
            case "index with leading zero": json["statusListIndex"] = "05"; break;
            case "index too long": json["statusListIndex"] = "1234567890123456"; break;
            case "no purpose": json.Remove("statusPurpose"); break;
            case "list url relative": json["statusListCredential"] = "/status/8"; break;
            case "id equals list url": json["id"] = "https://example.com/credentials/status/8"; break;
            case "statusSize zero": json["statusSize"] = 0; break;
            case "statusSize string": json["statusSize"] = "2"; break;
            case "statusSize too large": json["statusSize"] = 17; break;
            case "statusSize 2 without messages": json.Remove("statusMessage"); break;
            case "statusSize 2 with two messages": messages.RemoveAt(3); messages.RemoveAt(2); break;
            case "message status not hex": messages[0]!["status"] = "zero"; break;
            case "message status out of range": messages[3]!["status"] = "0x4"; break;
            case "message status repeated": messages[3]!["status"] = "0x2"; break;
            case "unknown type": json["type"] = "RevocationList2020Status"; break;
        }

        var credentialStatus = Status(json);
        Assert.False(BitstringStatusListEntry.TryParse(credentialStatus, out _, out var error), name);
        Assert.Equal(VerificationErrorCode.Malformed, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    internal static JsonObject MessageEntry() => new()
    {
        ["id"] = "https://example.com/credentials/status/8#492847",
        ["type"] = "BitstringStatusListEntry",
        ["statusPurpose"] = "message",
        ["statusListIndex"] = "492847",
        ["statusSize"] = 2,
        ["statusListCredential"] = "https://example.com/credentials/status/8",
        ["statusMessage"] = new JsonArray(
            new JsonObject { ["status"] = "0x0", ["message"] = "pending_review" },
            new JsonObject { ["status"] = "0x1", ["message"] = "accepted" },
            new JsonObject { ["status"] = "0x2", ["message"] = "rejected" },
            new JsonObject { ["status"] = "0x3", ["message"] = "undefined" }),
        ["statusReference"] = "https://example.org/status-dictionary/",
    };

    internal static CredentialStatus Status(JsonObject entry)
    {
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = "VerifiableCredential",
            ["issuer"] = "did:example:issuer",
            ["credentialSubject"] = new JsonObject { ["id"] = "did:example:subject" },
            ["credentialStatus"] = entry.DeepClone(),
        };
        return Assert.Single(VerifiableCredential.Create(credential).Statuses);
    }

    internal static BitstringStatusListEntry Parse(JsonObject entry)
    {
        Assert.True(BitstringStatusListEntry.TryParse(Status(entry), out var parsed, out var error), error?.Message);
        return parsed;
    }
}
