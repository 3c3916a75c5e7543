using System.Text.Json.Nodes;

namespace Identity.Issuer.CredentialTypes;

/// <summary>
/// The outcome of a biometric comparison during identity proofing (e.g. the patient's face against the photo of the
/// document) — how it was compared and that it matched; never the biometric sample or template itself.
/// </summary>
/// <param name="Method">How, e.g. <c>FaceComparison</c> (a letter, then letters or digits).</param>
/// <param name="Result">The outcome; only <c>match</c> is proofing evidence.</param>
public sealed record BiometricMatchEvidence(string Method, string Result = BiometricMatchEvidence.Match)
{
    /// <summary>The only result accepted as evidence.</summary>
    public const string Match = "match";

    /// <summary>The evidence member <c>biometricMatch</c>.</summary>
    public JsonObject ToJson() => new() { ["method"] = Method, ["result"] = Result };
}
