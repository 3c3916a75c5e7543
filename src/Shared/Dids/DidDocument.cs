using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Identity.Shared.Dids;

/// <summary>
/// A DID document (DID Core §5) in its JSON / JSON-LD representation. Immutable. A null list means the member is
/// absent; an empty list is written as <c>[]</c> (a deactivated did:ethr document has empty lists).
/// Serialisation writes members in one fixed order — <c>@context</c>, id, controller, alsoKnownAs,
/// verificationMethod, authentication, assertionMethod, keyAgreement, capabilityInvocation, capabilityDelegation,
/// service, then other members in the order read — so two equal documents serialise to the same bytes.
/// </summary>
public sealed record DidDocument
{
    /// <summary>The <c>@context</c> value as JSON (a string, or an array of strings and inline objects); null when absent (application/did+json).</summary>
    public JsonElement? Context { get; init; }

    /// <summary>The DID.</summary>
    public required string Id { get; init; }

    /// <summary>Controllers; one item is written as a string.</summary>
    public IReadOnlyList<string>? Controller { get; init; }

    /// <summary><c>alsoKnownAs</c> URIs.</summary>
    public IReadOnlyList<string>? AlsoKnownAs { get; init; }

    /// <summary><c>verificationMethod</c>.</summary>
    public IReadOnlyList<VerificationMethod>? VerificationMethod { get; init; }

    /// <summary><c>authentication</c>.</summary>
    public IReadOnlyList<VerificationMethodReference>? Authentication { get; init; }

    /// <summary><c>assertionMethod</c>.</summary>
    public IReadOnlyList<VerificationMethodReference>? AssertionMethod { get; init; }

    /// <summary><c>keyAgreement</c>.</summary>
    public IReadOnlyList<VerificationMethodReference>? KeyAgreement { get; init; }

    /// <summary><c>capabilityInvocation</c>.</summary>
    public IReadOnlyList<VerificationMethodReference>? CapabilityInvocation { get; init; }

    /// <summary><c>capabilityDelegation</c>.</summary>
    public IReadOnlyList<VerificationMethodReference>? CapabilityDelegation { get; init; }

    /// <summary><c>service</c>.</summary>
    public IReadOnlyList<DidService>? Service { get; init; }

    /// <summary>Other members, in document order.</summary>
    public IReadOnlyDictionary<string, JsonElement>? AdditionalProperties { get; init; }

    /// <summary>A <c>@context</c> value from strings (inline objects: build the JSON yourself).</summary>
    public static JsonElement ContextOf(params string[] contexts) =>
        JsonSerializer.SerializeToElement(contexts, DidModelJsonContext.Default.StringArray);

    /// <summary>The entries of one verification relationship (null when absent).</summary>
    public IReadOnlyList<VerificationMethodReference>? GetRelationship(VerificationRelationship relationship) => relationship switch
    {
        VerificationRelationship.Authentication => Authentication,
        VerificationRelationship.AssertionMethod => AssertionMethod,
        VerificationRelationship.KeyAgreement => KeyAgreement,
        VerificationRelationship.CapabilityInvocation => CapabilityInvocation,
        VerificationRelationship.CapabilityDelegation => CapabilityDelegation,
        _ => throw new ArgumentOutOfRangeException(nameof(relationship), relationship, null),
    };

    /// <summary>
    /// Finds a method by id, by a relative reference (<c>#key-1</c>) or by bare fragment (<c>key-1</c>), among
    /// <c>verificationMethod</c> and the methods embedded in relationships. Ids are compared after resolving
    /// relative ones against <see cref="Id"/>.
    /// </summary>
    public VerificationMethod? FindVerificationMethod(string idOrFragment)
    {
        ArgumentNullException.ThrowIfNull(idOrFragment);
        var isReference = (idOrFragment.Length > 0 && idOrFragment[0] is '#' or '?' or '/') || idOrFragment.Contains(':', StringComparison.Ordinal);
        var target = DidUrl.ResolveReference(isReference ? idOrFragment : "#" + idOrFragment, Id);
        foreach (var method in AllMethods())
        {
            if (string.Equals(DidUrl.ResolveReference(method.Id, Id), target, StringComparison.Ordinal))
            {
                return method;
            }
        }

        return null;
    }

    /// <summary>
    /// The methods a relationship grants, in order: references resolved against this document (unresolvable
    /// references are skipped), embedded methods as they are.
    /// </summary>
    public IReadOnlyList<VerificationMethod> GetVerificationMethods(VerificationRelationship relationship)
    {
        var entries = GetRelationship(relationship);
        if (entries is null || entries.Count == 0)
        {
            return [];
        }

        var methods = new List<VerificationMethod>(entries.Count);
        foreach (var entry in entries)
        {
            var method = entry.Embedded ?? FindInVerificationMethods(entry.Reference!);
            if (method is not null)
            {
                methods.Add(method);
            }
        }

        return methods;
    }

    /// <summary>True when the relationship lists the method <paramref name="methodId"/> (by reference or embedded).</summary>
    public bool IsAuthorized(string methodId, VerificationRelationship relationship)
    {
        ArgumentNullException.ThrowIfNull(methodId);
        var target = DidUrl.ResolveReference(methodId, Id);
        var entries = GetRelationship(relationship);
        return entries is not null &&
               entries.Any(entry => string.Equals(DidUrl.ResolveReference(entry.Id, Id), target, StringComparison.Ordinal));
    }

    /// <summary>Writes the document as a JSON object in the fixed member order.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (Context is { } context)
        {
            writer.WritePropertyName("@context");
            context.WriteTo(writer);
        }

        writer.WriteString("id", Id);
        if (Controller is not null)
        {
            DidJson.WriteStringOrStrings(writer, "controller", Controller);
        }

        if (AlsoKnownAs is not null)
        {
            DidJson.WriteStrings(writer, "alsoKnownAs", AlsoKnownAs);
        }

        if (VerificationMethod is not null)
        {
            writer.WriteStartArray("verificationMethod");
            foreach (var method in VerificationMethod)
            {
                method.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        WriteRelationship(writer, "authentication", Authentication);
        WriteRelationship(writer, "assertionMethod", AssertionMethod);
        WriteRelationship(writer, "keyAgreement", KeyAgreement);
        WriteRelationship(writer, "capabilityInvocation", CapabilityInvocation);
        WriteRelationship(writer, "capabilityDelegation", CapabilityDelegation);
        if (Service is not null)
        {
            writer.WriteStartArray("service");
            foreach (var service in Service)
            {
                service.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        DidJson.WriteAdditional(writer, AdditionalProperties);
        writer.WriteEndObject();
    }

    /// <summary>JSON text of the document.</summary>
    public string ToJson(bool indented = false) => DidJson.ToJson(WriteTo, indented);

    /// <summary>Parses JSON text.</summary>
    public static bool TryParse(string json, [NotNullWhen(true)] out DidDocument? document, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        document = null;
        if (!DidJson.TryParseDocument(json, out var parsed, out error))
        {
            return false;
        }

        using (parsed)
        {
            return TryParse(parsed!.RootElement, out document, out error);
        }
    }

    /// <summary>Throwing wrapper over <see cref="TryParse(string, out DidDocument?, out string?)"/>.</summary>
    public static DidDocument Parse(string json) =>
        TryParse(json, out var document, out var error) ? document : throw new FormatException(error);

    /// <summary>
    /// Reads a DID document object: <c>id</c> must be a DID; known members must have their DID Core types;
    /// unknown members are kept. JSON-LD is not processed (no context is fetched).
    /// </summary>
    public static bool TryParse(JsonElement element, [NotNullWhen(true)] out DidDocument? document, [NotNullWhen(false)] out string? error)
    {
        document = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "A DID document must be a JSON object.";
            return false;
        }

        var builder = new Builder();
        foreach (var property in element.EnumerateObject())
        {
            if (!builder.TryRead(property, out error))
            {
                return false;
            }
        }

        if (builder.Id is null)
        {
            error = "A DID document needs an id.";
            return false;
        }

        if (!Did.TryParse(builder.Id, out _))
        {
            error = "The DID document id is not a DID.";
            return false;
        }

        document = builder.Build();
        error = null;
        return true;
    }

    private IEnumerable<VerificationMethod> AllMethods()
    {
        if (VerificationMethod is not null)
        {
            foreach (var method in VerificationMethod)
            {
                yield return method;
            }
        }

        foreach (var relationship in Enum.GetValues<VerificationRelationship>())
        {
            var entries = GetRelationship(relationship);
            if (entries is null)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry.Embedded is not null)
                {
                    yield return entry.Embedded;
                }
            }
        }
    }

    private VerificationMethod? FindInVerificationMethods(string reference)
    {
        var target = DidUrl.ResolveReference(reference, Id);
        return VerificationMethod?.FirstOrDefault(method => string.Equals(DidUrl.ResolveReference(method.Id, Id), target, StringComparison.Ordinal));
    }

    private static void WriteRelationship(Utf8JsonWriter writer, string name, IReadOnlyList<VerificationMethodReference>? entries)
    {
        if (entries is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var entry in entries)
        {
            entry.WriteTo(writer);
        }

        writer.WriteEndArray();
    }

    /// <summary>Collects members while reading.</summary>
    private sealed class Builder
    {
        private JsonElement? context;
        private IReadOnlyList<string>? controller;
        private IReadOnlyList<string>? alsoKnownAs;
        private List<VerificationMethod>? methods;
        private List<DidService>? services;
        private OrderedDictionary<string, JsonElement>? additional;
        private readonly Dictionary<VerificationRelationship, List<VerificationMethodReference>> relationships = [];

        public string? Id { get; private set; }

        public bool TryRead(JsonProperty property, [NotNullWhen(false)] out string? error)
        {
            error = null;
            var value = property.Value;
            switch (property.Name)
            {
                case "@context":
                    context = value.Clone();
                    return true;
                case "id":
                    if (!DidJson.TryGetString(value, "id", out var id, out error))
                    {
                        return false;
                    }

                    Id = id;
                    return true;
                case "controller":
                    return DidJson.TryGetStringOrStrings(value, "controller", out controller, out error);
                case "alsoKnownAs":
                    return DidJson.TryGetStrings(value, "alsoKnownAs", out alsoKnownAs, out error);
                case "verificationMethod":
                    return TryReadArray(value, "verificationMethod", out methods, VerificationMethodParse, out error);
                case "service":
                    return TryReadArray(value, "service", out services, DidService.TryParse, out error);
                case "authentication":
                    return TryReadRelationship(value, VerificationRelationship.Authentication, property.Name, out error);
                case "assertionMethod":
                    return TryReadRelationship(value, VerificationRelationship.AssertionMethod, property.Name, out error);
                case "keyAgreement":
                    return TryReadRelationship(value, VerificationRelationship.KeyAgreement, property.Name, out error);
                case "capabilityInvocation":
                    return TryReadRelationship(value, VerificationRelationship.CapabilityInvocation, property.Name, out error);
                case "capabilityDelegation":
                    return TryReadRelationship(value, VerificationRelationship.CapabilityDelegation, property.Name, out error);
                default:
                    additional ??= [];
                    additional[property.Name] = value.Clone();
                    return true;
            }
        }

        public DidDocument Build() => new()
        {
            Context = context,
            Id = Id!,
            Controller = controller,
            AlsoKnownAs = alsoKnownAs,
            VerificationMethod = methods,
            Authentication = relationships.GetValueOrDefault(VerificationRelationship.Authentication),
            AssertionMethod = relationships.GetValueOrDefault(VerificationRelationship.AssertionMethod),
            KeyAgreement = relationships.GetValueOrDefault(VerificationRelationship.KeyAgreement),
            CapabilityInvocation = relationships.GetValueOrDefault(VerificationRelationship.CapabilityInvocation),
            CapabilityDelegation = relationships.GetValueOrDefault(VerificationRelationship.CapabilityDelegation),
            Service = services,
            AdditionalProperties = additional,
        };

        private delegate bool ItemParser<T>(JsonElement element, [NotNullWhen(true)] out T? item, [NotNullWhen(false)] out string? error);

        private static bool VerificationMethodParse(JsonElement element, [NotNullWhen(true)] out VerificationMethod? item, [NotNullWhen(false)] out string? error) =>
            Dids.VerificationMethod.TryParse(element, out item, out error);

        private static bool TryReadArray<T>(JsonElement value, string name, out List<T>? items, ItemParser<T> parse, [NotNullWhen(false)] out string? error)
            where T : class
        {
            items = null;
            if (value.ValueKind != JsonValueKind.Array)
            {
                error = $"'{name}' must be an array.";
                return false;
            }

            var list = new List<T>(value.GetArrayLength());
            foreach (var element in value.EnumerateArray())
            {
                if (!parse(element, out var item, out error))
                {
                    error = $"{name}: {error}";
                    return false;
                }

                list.Add(item);
            }

            items = list;
            error = null;
            return true;
        }

        private bool TryReadRelationship(JsonElement value, VerificationRelationship relationship, string name, [NotNullWhen(false)] out string? error)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                error = $"'{name}' must be an array.";
                return false;
            }

            var list = new List<VerificationMethodReference>(value.GetArrayLength());
            foreach (var element in value.EnumerateArray())
            {
                if (element.ValueKind == JsonValueKind.String)
                {
                    list.Add(VerificationMethodReference.To(element.GetString()!));
                }
                else if (Dids.VerificationMethod.TryParse(element, out var method, out error))
                {
                    list.Add(VerificationMethodReference.Embed(method));
                }
                else
                {
                    error = $"{name}: {error}";
                    return false;
                }
            }

            relationships[relationship] = list;
            error = null;
            return true;
        }
    }
}
