using System.Text.Json.Nodes;
using Identity.Issuer.CredentialTypes;

namespace Identity.Issuer.Tests.CredentialTypes;

public sealed class EvidenceValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private readonly EvidenceValidator validator = new(new FixedTimeProvider(Now), CredentialContentLimits.Default);

    private static IdentityProofingEvidence Proofing => new()
    {
        Verifier = "did:ethr:0x5:0x7e5f4552091a69125d5dfcb7b8c2659029395bdf",
        EvidenceDocument = "DriversLicense",
        SubjectPresence = IdentityProofingEvidence.Physical,
        DocumentPresence = IdentityProofingEvidence.Physical,
        BiometricMatch = new BiometricMatchEvidence("FaceComparison"),
        Time = Now.AddMinutes(-20),
    };

    [Fact]
    public void Validate_DocumentVerificationFromModel_IsValid()
    {
        var json = Proofing.ToJson();

        Assert.True(validator.Validate(json).IsValid);
        Assert.True(validator.Validate(new JsonArray(json.DeepClone())).IsValid);
        Assert.Equal("2026-11-30T09:40:00Z", json["time"]!.GetValue<string>());
        Assert.Equal("""["DocumentVerification"]""", json["type"]!.ToJsonString());
    }

    [Fact]
    public void Validate_WithoutBiometricMatchOrWithOtherEntries_IsValid()
    {
        var remote = Proofing with { BiometricMatch = null, SubjectPresence = IdentityProofingEvidence.Digital, Verifier = "staff-0042" };
        var evidence = new JsonArray(remote.ToJson(), new JsonObject { ["type"] = "SupportingActivity", ["description"] = "Checked against the hospital register" });

        Assert.True(validator.Validate(evidence).IsValid);
    }

    [Fact]
    public void Validate_ValuesBuiltInCode_ReadAsTheirJson()
    {
        var entry = Proofing.ToJson();
        entry["id"] = JsonValue.Create(Guid.Parse("5b9d1f0e-7c55-4c1e-9a43-3f1c0e8f6a10"));

        Assert.True(validator.Validate(entry).IsValid);
        entry["verifier"] = JsonValue.Create(double.PositiveInfinity);
        Assert.Equal(ClaimsErrorCode.InvalidEvidence, validator.Validate(entry).Error?.Code);
    }

    [Fact]
    public void Validate_NoEvidence_IsValid()
    {
        Assert.True(validator.Validate(null).IsValid);
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "face template", "biometric_data_not_allowed", "/0/biometricMatch/faceTemplate" },
        { "template", "biometric_data_not_allowed", "/0/template" },
        { "fingerprint image", "biometric_data_not_allowed", "/0/fingerprint_image" },
        { "base64 blob", "biometric_data_not_allowed", "/0/notes" },
        { "data uri", "biometric_data_not_allowed", "/0/verifier" },
        { "embedding vector", "biometric_data_not_allowed", "/0/biometricMatch/score" },
        { "template in another evidence type", "biometric_data_not_allowed", "/1/FaceTemplateData" },
        { "no type", "invalid_evidence", "/0/type" },
        { "empty type array", "invalid_evidence", "/0/type" },
        { "unknown member", "invalid_evidence", "/0/note" },
        { "no verifier", "invalid_evidence", "/0/verifier" },
        { "bad presence", "invalid_evidence", "/0/subjectPresence" },
        { "bad document", "invalid_evidence", "/0/evidenceDocument" },
        { "match failed", "invalid_evidence", "/0/biometricMatch" },
        { "match with extra member", "invalid_evidence", "/0/biometricMatch" },
        { "time without zone", "invalid_evidence", "/0/time" },
        { "time in the future", "invalid_evidence", "/0/time" },
        { "entry not an object", "invalid_evidence", "/0" },
        { "empty array", "invalid_evidence", "" },
        { "string", "invalid_evidence", "" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Validate_BadEvidence_RefusedWithCodeAndPointer(string kind, string code, string location)
    {
        var result = validator.Validate(Make(kind));

        Assert.False(result.IsValid);
        Assert.Equal(ClaimsErrorCode.Parse(code), result.Error.Code);
        Assert.Equal(location, result.Error.Location);
    }

    [Fact]
    public void Validate_TooManyEntries_InvalidEvidence()
    {
        var evidence = new JsonArray();
        for (var i = 0; i <= CredentialContentLimits.Default.MaxEvidenceEntries; i++)
        {
            evidence.Add(new JsonObject { ["type"] = "SupportingActivity" });
        }

        Assert.Equal(ClaimsErrorCode.InvalidEvidence, validator.Validate(evidence).Error?.Code);
    }

    [Fact]
    public void Validate_Oversize_InputTooLarge()
    {
        // Spaces break base64 runs: this is large, not a blob.
        var evidence = new JsonObject { ["type"] = "SupportingActivity", ["description"] = string.Concat(Enumerable.Repeat("checked ", 2000)) };

        Assert.Equal(ClaimsErrorCode.InputTooLarge, validator.Validate(evidence).Error?.Code);
    }

    [Fact]
    public void Validate_OverDeep_InputTooDeep()
    {
        JsonNode nested = new JsonObject();
        for (var i = 0; i < 50_000; i++)
        {
            nested = new JsonObject { ["x"] = nested };
        }

        Assert.Equal(ClaimsErrorCode.InputTooDeep, validator.Validate(new JsonObject { ["type"] = "SupportingActivity", ["details"] = nested }).Error?.Code);
    }

    private static JsonNode Make(string kind)
    {
        var entry = Proofing.ToJson();
        var evidence = new JsonArray(entry);
        switch (kind)
        {
            case "face template":
                entry["biometricMatch"]!["faceTemplate"] = "AAECAwQ=";
                break;
            case "template":
                entry["template"] = new JsonObject { ["format"] = "ISO-19794-5" };
                break;
            case "fingerprint image":
                entry["fingerprint_image"] = "https://example.org/fp.png";
                break;
            case "base64 blob":
                entry["notes"] = new string('Q', 300) + "==";
                break;
            case "data uri":
                entry["verifier"] = "data:image/jpeg;base64,/9j/4AAQ";
                break;
            case "embedding vector":
                entry["biometricMatch"]!["score"] = new JsonArray([.. Enumerable.Range(0, 128).Select(i => (JsonNode)JsonValue.Create(i * 0.01))]);
                break;
            case "template in another evidence type":
                evidence.Add(new JsonObject { ["type"] = "SupportingActivity", ["FaceTemplateData"] = "x" });
                break;
            case "no type":
                entry.Remove("type");
                break;
            case "empty type array":
                entry["type"] = new JsonArray();
                break;
            case "unknown member":
                entry["note"] = "the patient was cooperative";
                break;
            case "no verifier":
                entry.Remove("verifier");
                break;
            case "bad presence":
                entry["subjectPresence"] = "physical";
                break;
            case "bad document":
                entry["evidenceDocument"] = "Driver's license";
                break;
            case "match failed":
                entry["biometricMatch"]!["result"] = "no-match";
                break;
            case "match with extra member":
                entry["biometricMatch"]!["confidence"] = 0.93;
                break;
            case "time without zone":
                entry["time"] = "2026-11-30T09:40:00";
                break;
            case "time in the future":
                entry["time"] = "2026-11-30T10:06:00Z";
                break;
            case "entry not an object":
                return new JsonArray("DocumentVerification");
            case "empty array":
                return new JsonArray();
            case "string":
                return JsonValue.Create("DocumentVerification");
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such case");
        }

        return evidence;
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
