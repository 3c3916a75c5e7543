using System.Text.Json.Nodes;
using Identity.Shared.Credentials;
using Identity.Shared.Dids;

namespace Identity.Issuer.CredentialTypes;

/// <summary>
/// Builds the members of a credential that come from its type and request: <c>credentialSubject</c> (the subject's
/// DID as <c>id</c>, then the claims at the top level — for a FHIR type, the resource's members with its
/// <c>resourceType</c>), <c>credentialSchema</c> and <c>evidence</c>. Call it with claims and evidence that
/// <see cref="ClaimsValidator"/> and <see cref="EvidenceValidator"/> accepted; the inputs are copied, never shared.
/// </summary>
public static class CredentialSubjectBuilder
{
    /// <summary>The <c>credentialSchema</c> type of VC JSON Schema (used for VCDM 2.0 and 1.1 alike).</summary>
    public const string JsonSchemaType = "JsonSchema";

    /// <summary><c>{ "id": subjectDid, …claims }</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="subjectDid"/> is not a DID, or the claims carry an <c>id</c>.</exception>
    public static JsonObject BuildSubject(string subjectDid, JsonObject claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (!Did.TryParse(subjectDid, out _))
        {
            throw new ArgumentException("The subject is not a DID.", nameof(subjectDid));
        }

        if (claims.ContainsKey("id"))
        {
            throw new ArgumentException("The claims carry an 'id'; the subject's id is its DID.", nameof(claims));
        }

        var subject = new JsonObject { ["id"] = subjectDid };
        foreach (var (name, value) in claims)
        {
            subject[name] = value?.DeepClone();
        }

        return subject;
    }

    /// <summary>
    /// <c>{ "id": &lt;issuer base URL + SchemaPath&gt;, "type": "JsonSchema" }</c> (VCDM 2.0 §5.4 with VC JSON Schema).
    /// VCDM 1.1 has no registered schema type of its own that verifiers agree on, so the same object serves both.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="issuerBaseUrl"/> is not an absolute http(s) URL.</exception>
    public static JsonObject BuildCredentialSchema(Uri issuerBaseUrl, CredentialTypeDefinition definition, DataModelVersion version = DataModelVersion.V2_0)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new JsonObject
        {
            ["id"] = SchemaUrl(issuerBaseUrl, definition).AbsoluteUri,
            ["type"] = version is DataModelVersion.V1_1 or DataModelVersion.V2_0 ? JsonSchemaType : throw new ArgumentOutOfRangeException(nameof(version)),
        };
    }

    /// <summary>The absolute URL a type's schema is served at: the path joined to the base URL (a base path is kept).</summary>
    /// <exception cref="ArgumentException"><paramref name="issuerBaseUrl"/> is not an absolute http(s) URL.</exception>
    public static Uri SchemaUrl(Uri issuerBaseUrl, CredentialTypeDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(issuerBaseUrl);
        ArgumentNullException.ThrowIfNull(definition);
        if (!issuerBaseUrl.IsAbsoluteUri || (issuerBaseUrl.Scheme != Uri.UriSchemeHttps && issuerBaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The issuer base URL must be an absolute http(s) URL.", nameof(issuerBaseUrl));
        }

        // "https://h/issuer" + "/schemas/X.json" → "https://h/issuer/schemas/X.json" (Uri(base, "/…") would drop "/issuer").
        var basePath = issuerBaseUrl.AbsolutePath.TrimEnd('/');
        return new UriBuilder(issuerBaseUrl) { Path = basePath + "/" + definition.SchemaPath.TrimStart('/'), Query = string.Empty, Fragment = string.Empty }.Uri;
    }

    /// <summary>The <c>evidence</c> member: always an array (one object is wrapped), copied.</summary>
    public static JsonArray BuildEvidence(JsonNode evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return evidence is JsonArray array ? (JsonArray)array.DeepClone() : new JsonArray(evidence.DeepClone());
    }
}
