using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Identity.Shared.Dids;

/// <summary>A service (DID Core §5.4). <see cref="ServiceEndpoint"/> is kept as JSON: a string, an object or an array.</summary>
public sealed record DidService
{
    /// <summary>The service id (a URI; DID URLs such as <c>did:ethr:0x…#service-1</c> in practice).</summary>
    public required string Id { get; init; }

    /// <summary>The type(s); one item is written as a string, several as an array.</summary>
    public required IReadOnlyList<string> Types { get; init; }

    /// <summary>The endpoint: a string, a map or an array of them.</summary>
    public required JsonElement ServiceEndpoint { get; init; }

    /// <summary>Other members, in document order.</summary>
    public IReadOnlyDictionary<string, JsonElement>? AdditionalProperties { get; init; }

    /// <summary>The first type.</summary>
    public string Type => Types.Count > 0 ? Types[0] : string.Empty;

    /// <summary>A service with one type and a string endpoint.</summary>
    public static DidService Create(string id, string type, string endpoint) => new()
    {
        Id = id,
        Types = [type],
        ServiceEndpoint = JsonSerializer.SerializeToElement(endpoint, DidModelJsonContext.Default.String),
    };

    /// <summary>Writes id, type, serviceEndpoint, then other members.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("id", Id);
        DidJson.WriteStringOrStrings(writer, "type", Types);
        writer.WritePropertyName("serviceEndpoint");
        ServiceEndpoint.WriteTo(writer);
        DidJson.WriteAdditional(writer, AdditionalProperties);
        writer.WriteEndObject();
    }

    /// <summary>Reads a service object; unknown members are kept.</summary>
    public static bool TryParse(JsonElement element, [NotNullWhen(true)] out DidService? service, [NotNullWhen(false)] out string? error)
    {
        service = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "A service must be a JSON object.";
            return false;
        }

        string? id = null;
        IReadOnlyList<string>? types = null;
        JsonElement? endpoint = null;
        OrderedDictionary<string, JsonElement>? additional = null;
        foreach (var property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case "id":
                    if (!DidJson.TryGetString(property.Value, "id", out id, out error))
                    {
                        return false;
                    }

                    break;
                case "type":
                    if (!DidJson.TryGetStringOrStrings(property.Value, "type", out types, out error))
                    {
                        return false;
                    }

                    break;
                case "serviceEndpoint":
                    if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Object or JsonValueKind.Array))
                    {
                        error = "'serviceEndpoint' must be a string, a map or an array.";
                        return false;
                    }

                    endpoint = property.Value.Clone();
                    break;
                default:
                    additional ??= [];
                    additional[property.Name] = property.Value.Clone();
                    break;
            }
        }

        if (id is null || types is null || endpoint is null)
        {
            error = "A service needs id, type and serviceEndpoint.";
            return false;
        }

        service = new DidService { Id = id, Types = types, ServiceEndpoint = endpoint.Value, AdditionalProperties = additional };
        error = null;
        return true;
    }
}
