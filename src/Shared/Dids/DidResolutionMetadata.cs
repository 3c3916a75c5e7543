using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Identity.Shared.Dids;

/// <summary><c>didResolutionMetadata</c> (DID Core §7.1.2).</summary>
public sealed record DidResolutionMetadata
{
    /// <summary>The media type of the returned representation (success only).</summary>
    public string? ContentType { get; init; }

    /// <summary>An error code from <see cref="DidResolutionErrors"/> (or a method's own), null on success.</summary>
    public string? Error { get; init; }

    /// <summary>A human-readable explanation of the error. Never contains key material.</summary>
    public string? Message { get; init; }

    /// <summary>Other members, in order.</summary>
    public IReadOnlyDictionary<string, JsonElement>? AdditionalProperties { get; init; }

    /// <summary>Writes contentType, error, message, then other members.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (ContentType is not null)
        {
            writer.WriteString("contentType", ContentType);
        }

        if (Error is not null)
        {
            writer.WriteString("error", Error);
        }

        if (Message is not null)
        {
            writer.WriteString("message", Message);
        }

        DidJson.WriteAdditional(writer, AdditionalProperties);
        writer.WriteEndObject();
    }

    /// <summary>Reads the metadata object.</summary>
    public static bool TryParse(JsonElement element, [NotNullWhen(true)] out DidResolutionMetadata? metadata, [NotNullWhen(false)] out string? error)
    {
        metadata = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "didResolutionMetadata must be an object.";
            return false;
        }

        string? contentType = null, code = null, message = null;
        OrderedDictionary<string, JsonElement>? additional = null;
        foreach (var property in element.EnumerateObject())
        {
            error = null;
            var ok = property.Name switch
            {
                "contentType" => DidJson.TryGetString(property.Value, "contentType", out contentType, out error),
                "error" => DidJson.TryGetString(property.Value, "error", out code, out error),
                "message" => DidJson.TryGetString(property.Value, "message", out message, out error),
                _ => Keep(ref additional, property),
            };
            if (!ok)
            {
                error ??= "Invalid didResolutionMetadata.";
                return false;
            }
        }

        metadata = new DidResolutionMetadata { ContentType = contentType, Error = code, Message = message, AdditionalProperties = additional };
        error = null;
        return true;
    }

    private static bool Keep(ref OrderedDictionary<string, JsonElement>? additional, JsonProperty property)
    {
        additional ??= [];
        additional[property.Name] = property.Value.Clone();
        return true;
    }
}
