using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Shared.Verification;

namespace Identity.Shared.Credentials;

/// <summary>
/// A W3C verifiable presentation (VCDM 1.1 or 2.0), immutable, with the document kept whole in <see cref="Json"/>.
/// Its credentials are listed as written (<see cref="Credentials"/>); each secured one is decoded and verified on its own.
/// </summary>
public sealed class VerifiablePresentation
{
    private const string DataUrlPrefix = "data:";

    private VerifiablePresentation(JsonElement json, DocumentHead head, CredentialIssuer? holder, IReadOnlyList<PresentedCredential> credentials)
    {
        Json = json;
        Version = head.Version;
        Contexts = head.Contexts;
        Id = head.Id;
        Types = head.Types;
        Holder = holder;
        Credentials = credentials;
    }

    /// <summary>The data model, from the first <c>@context</c>.</summary>
    public DataModelVersion Version { get; }

    /// <summary>The URL entries of <c>@context</c>, in order.</summary>
    public IReadOnlyList<string> Contexts { get; }

    /// <summary><c>id</c>, when present.</summary>
    public string? Id { get; }

    /// <summary><c>type</c> as a list; it includes <c>VerifiablePresentation</c>.</summary>
    public IReadOnlyList<string> Types { get; }

    /// <summary><c>holder</c> (a URL or an object with an id), when present.</summary>
    public CredentialIssuer? Holder { get; }

    /// <summary>The entries of <c>verifiableCredential</c>, in order.</summary>
    public IReadOnlyList<PresentedCredential> Credentials { get; }

    /// <summary>The whole document, as written.</summary>
    public JsonElement Json { get; }

    /// <summary>Parses and validates a presentation from JSON text. False with a <c>malformed</c> error on any bad input.</summary>
    public static bool TryParse(string? json, [NotNullWhen(true)] out VerifiablePresentation? presentation, [NotNullWhen(false)] out VerificationError? error)
    {
        presentation = null;
        return CredentialJson.TryParseObject(json, "presentation", out var root, out error) && TryCreate(root, out presentation, out error);
    }

    /// <summary>Validates a presentation given as a JSON object (copied).</summary>
    public static bool TryCreate(JsonObject json, [NotNullWhen(true)] out VerifiablePresentation? presentation, [NotNullWhen(false)] out VerificationError? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!CredentialJson.TryToElement(json, "presentation", out var element, out error))
        {
            presentation = null;
            return false;
        }

        return TryCreate(element, out presentation, out error);
    }

    /// <summary>Validates a presentation given as a JSON element.</summary>
    public static bool TryCreate(JsonElement json, [NotNullWhen(true)] out VerifiablePresentation? presentation, [NotNullWhen(false)] out VerificationError? error)
    {
        presentation = null;
        if (!DocumentHead.TryRead(json, "presentation", CredentialTypes.VerifiablePresentation, out var head, out error))
        {
            return false;
        }

        json = json.Clone();
        CredentialIssuer? holder = null;
        if (json.TryGetProperty("holder", out var holderValue) &&
            !CredentialIssuer.TryCreate(holderValue, "The presentation's holder", out holder, out var problem))
        {
            error = CredentialJson.Malformed(problem!);
            return false;
        }

        var credentials = new List<PresentedCredential>();
        if (json.TryGetProperty("verifiableCredential", out var value))
        {
            // An empty list is allowed (did-jwt-vc too): a presentation may prove only control of the holder key.
            var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
            foreach (var item in items)
            {
                if (!TryReadCredential(item, head.Version, out var credential, out error))
                {
                    return false;
                }

                credentials.Add(credential);
            }
        }

        presentation = new VerifiablePresentation(json, head, holder, credentials);
        return true;
    }

    /// <summary>Throwing wrapper over <see cref="TryParse"/>.</summary>
    /// <exception cref="FormatException">The text is not a valid presentation; the message names the rule broken.</exception>
    public static VerifiablePresentation Parse(string json) =>
        TryParse(json, out var presentation, out var error) ? presentation : throw new FormatException(error.Message);

    /// <summary>Throwing wrapper over <see cref="TryCreate(JsonObject, out VerifiablePresentation?, out VerificationError?)"/>.</summary>
    /// <exception cref="FormatException">The object is not a valid presentation; the message names the rule broken.</exception>
    public static VerifiablePresentation Create(JsonObject json) =>
        TryCreate(json, out var presentation, out var error) ? presentation : throw new FormatException(error.Message);

    /// <summary>
    /// A presentation of <paramref name="holder"/> carrying secured credentials: for <see cref="DataModelVersion.V1_1"/>
    /// the VC-JWT strings themselves, for <see cref="DataModelVersion.V2_0"/> an <c>EnvelopedVerifiableCredential</c> per
    /// VC-JOSE-COSE token.
    /// </summary>
    public static VerifiablePresentation Create(DataModelVersion version, string holder, IEnumerable<string> credentialTokens)
    {
        ArgumentNullException.ThrowIfNull(credentialTokens);
        var credentials = new JsonArray();
        foreach (var token in credentialTokens)
        {
            credentials.Add(version == DataModelVersion.V1_1 ? JsonValue.Create(token) : VcJoseCose.CreateEnvelopedCredential(token));
        }

        return Create(new JsonObject
        {
            ["@context"] = new JsonArray(version == DataModelVersion.V1_1 ? CredentialContexts.V1 : CredentialContexts.V2),
            ["type"] = new JsonArray(CredentialTypes.VerifiablePresentation),
            ["holder"] = holder,
            ["verifiableCredential"] = credentials,
        });
    }

    /// <summary>A fresh mutable copy of the document.</summary>
    public JsonObject ToJsonObject() => CredentialJson.ToObject(Json);

    /// <summary>The document as compact JSON, members in their original order.</summary>
    public string ToJsonString() => CredentialJson.Serialize(Json);

    /// <inheritdoc />
    public override string ToString() => ToJsonString();

    /// <summary>Splits <c>data:&lt;media type&gt;,&lt;data&gt;</c>; base64 data (COSE) is refused, as no JWT is carried that way.</summary>
    internal static bool TryParseDataUrl(string? url, [NotNullWhen(true)] out string? mediaType, [NotNullWhen(true)] out string? data)
    {
        mediaType = null;
        data = null;
        if (url is null || !url.StartsWith(DataUrlPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var comma = url.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return false;
        }

        var type = url[DataUrlPrefix.Length..comma];
        if (type.Length == 0 || type.Contains(';', StringComparison.Ordinal))
        {
            return false;
        }

        mediaType = type;
        data = url[(comma + 1)..];
        return data.Length > 0;
    }

    private static bool TryReadCredential(JsonElement item, DataModelVersion version, [NotNullWhen(true)] out PresentedCredential? credential, [NotNullWhen(false)] out VerificationError? error)
    {
        credential = null;
        error = null;
        item = item.Clone();
        switch (item.ValueKind)
        {
            case JsonValueKind.String when !string.IsNullOrEmpty(item.GetString()):
                credential = new PresentedCredential(PresentedCredentialKind.Jwt, item.GetString(), null, item);
                return true;

            case JsonValueKind.Object:
                if (CredentialJson.TryGetStrings(item.TryGetProperty("type", out var t) ? t : default, out var types) &&
                    types.Contains(CredentialTypes.EnvelopedVerifiableCredential, StringComparer.Ordinal))
                {
                    if (!TryParseDataUrl(CredentialJson.GetOptionalString(item, "id"), out var mediaType, out var data))
                    {
                        error = CredentialJson.Malformed("An EnvelopedVerifiableCredential of the presentation has no id data: URL.");
                        return false;
                    }

                    credential = new PresentedCredential(PresentedCredentialKind.Enveloped, data, mediaType, item);
                    return true;
                }

                // did-jwt-vc's normalized form: the JWT travels in proof.jwt and is what counts.
                if (item.TryGetProperty("proof", out var proof) && CredentialJson.GetOptionalString(proof, "jwt") is { Length: > 0 } jwt)
                {
                    credential = new PresentedCredential(PresentedCredentialKind.Jwt, jwt, null, item);
                    return true;
                }

                if (!VerifiableCredential.TryCreate(item, out var embedded, out error))
                {
                    return false;
                }

                if (embedded.Version != version)
                {
                    error = CredentialJson.Malformed("A credential in the presentation follows another data model version than the presentation.");
                    return false;
                }

                credential = new PresentedCredential(PresentedCredentialKind.Embedded, null, null, item, embedded);
                return true;

            default:
                error = CredentialJson.Malformed("An entry of the presentation's verifiableCredential is neither a JWT string nor an object.");
                return false;
        }
    }
}
