using System.Text.Json.Nodes;
using Identity.Shared.Credentials;

namespace Identity.Issuer.CredentialTypes;

/// <summary>
/// How the issuer's staff proofed the patient's identity before issuing, as a VCDM <c>evidence</c> entry of type
/// <c>DocumentVerification</c>:
/// <code>{ "type": ["DocumentVerification"], "verifier": "did:ethr:…", "evidenceDocument": "DriversLicense",
///   "subjectPresence": "Physical", "documentPresence": "Physical",
///   "biometricMatch": { "method": "FaceComparison", "result": "match" }, "time": "2026-11-30T09:15:00Z" }</code>
/// <see cref="EvidenceValidator"/> accepts exactly these members for this type.
/// </summary>
public sealed record IdentityProofingEvidence
{
    /// <summary>The evidence type.</summary>
    public const string DocumentVerification = "DocumentVerification";

    /// <summary>Presence value: in person.</summary>
    public const string Physical = "Physical";

    /// <summary>Presence value: remotely (video, a digital document).</summary>
    public const string Digital = "Digital";

    /// <summary>The staff member who proofed: a DID or the staff system's identifier.</summary>
    public required string Verifier { get; init; }

    /// <summary>The document examined, e.g. <c>DriversLicense</c>, <c>Passport</c>, <c>IdCard</c>.</summary>
    public required string EvidenceDocument { get; init; }

    /// <summary><see cref="Physical"/> or <see cref="Digital"/>.</summary>
    public required string SubjectPresence { get; init; }

    /// <summary><see cref="Physical"/> or <see cref="Digital"/>.</summary>
    public required string DocumentPresence { get; init; }

    /// <summary>The outcome of a biometric comparison, when one was made.</summary>
    public BiometricMatchEvidence? BiometricMatch { get; init; }

    /// <summary>When the proofing happened.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The evidence entry as JSON (the time as an RFC 3339 UTC timestamp).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["type"] = new JsonArray(DocumentVerification),
            ["verifier"] = Verifier,
            ["evidenceDocument"] = EvidenceDocument,
            ["subjectPresence"] = SubjectPresence,
            ["documentPresence"] = DocumentPresence,
        };
        if (BiometricMatch is not null)
        {
            json["biometricMatch"] = BiometricMatch.ToJson();
        }

        json["time"] = VerifiableCredential.FormatDate(Time);
        return json;
    }
}
