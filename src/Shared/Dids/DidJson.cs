using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Identity.Shared.Dids;

/// <summary>Shared JSON plumbing of the DID model: strict member readers and the writer settings.</summary>
internal static class DidJson
{
    /// <summary>
    /// JSON.stringify does not escape <c>+</c>, <c>&lt;</c> or non-ASCII text; the relaxed encoder keeps our output
    /// comparable with the JavaScript resolvers'. The output is data, never embedded in HTML.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Bounds nesting of untrusted documents (did:web).</summary>
    public static readonly JsonDocumentOptions ReaderOptions = new() { MaxDepth = 64 };

    public static string ToJson(Action<Utf8JsonWriter> write, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions with { Indented = indented }))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static bool TryParseDocument(string json, out JsonDocument? document, [NotNullWhen(false)] out string? error)
    {
        try
        {
            document = JsonDocument.Parse(json, ReaderOptions);
            error = null;
            return true;
        }
        catch (JsonException)
        {
            document = null;
            error = "The text is not valid JSON.";
            return false;
        }
    }

    public static bool TryGetString(JsonElement value, string member, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? error)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            text = value.GetString()!;
            error = null;
            return true;
        }

        text = null;
        error = $"'{member}' must be a string.";
        return false;
    }

    /// <summary>A string or an array of strings (controller, service type).</summary>
    public static bool TryGetStringOrStrings(JsonElement value, string member, [NotNullWhen(true)] out IReadOnlyList<string>? items, [NotNullWhen(false)] out string? error)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            items = [value.GetString()!];
            error = null;
            return true;
        }

        return TryGetStrings(value, member, out items, out error);
    }

    public static bool TryGetStrings(JsonElement value, string member, [NotNullWhen(true)] out IReadOnlyList<string>? items, [NotNullWhen(false)] out string? error)
    {
        items = null;
        if (value.ValueKind != JsonValueKind.Array)
        {
            error = $"'{member}' must be an array of strings.";
            return false;
        }

        var list = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                error = $"'{member}' must be an array of strings.";
                return false;
            }

            list.Add(item.GetString()!);
        }

        items = list;
        error = null;
        return true;
    }

    /// <summary>A single item as a string, several as an array (DID Core allows both for controller and service type).</summary>
    public static void WriteStringOrStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> items)
    {
        if (items.Count == 1)
        {
            writer.WriteString(name, items[0]);
            return;
        }

        WriteStrings(writer, name, items);
    }

    public static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }

    public static void WriteAdditional(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement>? additional)
    {
        if (additional is null)
        {
            return;
        }

        foreach (var (name, value) in additional)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
    }

    /// <summary>DID Core datetime: UTC, no sub-second part unless there is one.</summary>
    public static string FormatTime(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return utc.Ticks % TimeSpan.TicksPerSecond == 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    public static bool TryParseTime(JsonElement value, string member, out DateTimeOffset time, [NotNullWhen(false)] out string? error)
    {
        time = default;
        if (value.ValueKind == JsonValueKind.String &&
            DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time))
        {
            error = null;
            return true;
        }

        error = $"'{member}' must be an XML datetime string.";
        return false;
    }
}
