using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Shared.Verification;

namespace Identity.Shared.Credentials;

/// <summary>JSON plumbing shared by the credential model, its encodings and the status lists.</summary>
internal static partial class CredentialJson
{
    /// <summary>The deepest nesting accepted in a credential or presentation document.</summary>
    public const int MaxDepth = 64;

    // '+' (as in "application/vc+jwt") and non-ASCII are written as themselves, like JSON.stringify.
    private static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions NodeWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = MaxDepth };
    private const int MaxScratch = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? scratch;

    [ThreadStatic]
    private static Utf8JsonWriter? scratchWriter;

    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    public static bool TryParseObject(string? text, string what, out JsonElement element, [NotNullWhen(false)] out VerificationError? error)
    {
        element = default;
        if (string.IsNullOrEmpty(text))
        {
            error = Malformed($"The {what} is empty.");
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text, ReadOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = Malformed($"The {what} is not a JSON object.");
                return false;
            }

            element = document.RootElement.Clone();
            error = null;
            return true;
        }
        catch (JsonException)
        {
            // Duplicate names, depth and syntax all land here; the reader's message may quote input, so it is not used.
            error = Malformed($"The {what} is not valid JSON (syntax, duplicate member names or nesting deeper than {MaxDepth}).");
            return false;
        }
    }

    /// <summary>A JSON object built by a caller, as an element; false when it nests deeper than <see cref="MaxDepth"/>.</summary>
    public static bool TryToElement(JsonNode node, string what, out JsonElement element, [NotNullWhen(false)] out VerificationError? error) =>
        TryToElement(node, static (writer, node) => node.WriteTo(writer, WriteOptions), what, out element, out error);

    /// <summary>A drafted JSON object, as an element; false when it nests deeper than <see cref="MaxDepth"/>.</summary>
    public static bool TryToElement(JsonDraft draft, string what, out JsonElement element, [NotNullWhen(false)] out VerificationError? error) =>
        TryToElement(draft, static (writer, draft) => draft.WriteTo(writer), what, out element, out error);

    public static JsonElement ToElement(JsonNode node) => ToElement(node, static (writer, node) => node.WriteTo(writer, WriteOptions));

    private static bool TryToElement<T>(T value, Action<Utf8JsonWriter, T> write, string what, out JsonElement element, [NotNullWhen(false)] out VerificationError? error)
    {
        try
        {
            element = ToElement(value, write);
            error = null;
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // The writer refuses depth with InvalidOperationException, the reader with JsonException.
            element = default;
            error = Malformed($"The {what} nests deeper than {MaxDepth}.");
            return false;
        }
    }

    private static JsonElement ToElement<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        // Straight to UTF-8 into a per-thread scratch buffer, then parsed into an element that owns a copy of its
        // memory: no string, no pooled document to clone. Writing never re-enters this method.
        var buffer = scratch ??= new ArrayBufferWriter<byte>(4096);
        var writer = scratchWriter ??= new Utf8JsonWriter(buffer, NodeWriterOptions);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            write(writer, value);
            writer.Flush();
            return JsonElement.Parse(buffer.WrittenSpan, ReadOptions);
        }
        finally
        {
            writer.Reset();
            if (buffer.Capacity > MaxScratch)
            {
                // A rare huge document must not stay pinned to the thread.
                scratch = null;
                scratchWriter = null;
            }
        }
    }

    public static string Serialize(JsonNode node) => node.ToJsonString(WriteOptions);

    public static string Serialize(JsonElement element)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            element.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static byte[] SerializeToUtf8(JsonNode node) => System.Text.Encoding.UTF8.GetBytes(Serialize(node));

    /// <summary>A fresh mutable copy; the model never hands out its own state.</summary>
    /// <remarks>
    /// An object element becomes a node over it directly (what <see cref="JsonNode.Parse(string, JsonNodeOptions?, JsonDocumentOptions)"/>
    /// builds too, without writing and re-reading the text); the element is immutable, so edits of the node never reach it.
    /// </remarks>
    public static JsonObject ToObject(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? JsonObject.Create(element)! : (JsonObject)JsonNode.Parse(Serialize(element))!;

    public static VerificationError Malformed(string message) => new(VerificationErrorCode.Malformed, message);

    /// <summary>A string or an array of strings, as a list (JSON-LD lets a single value stand for a set of one).</summary>
    public static bool TryGetStrings(JsonElement value, [NotNullWhen(true)] out IReadOnlyList<string>? strings)
    {
        strings = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                strings = [value.GetString()!];
                return true;
            case JsonValueKind.Array:
                var list = new List<string>(value.GetArrayLength());
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        return false;
                    }

                    list.Add(item.GetString()!);
                }

                strings = list;
                return true;
            default:
                return false;
        }
    }

    /// <summary>An object or a non-empty array of objects.</summary>
    public static bool TryGetObjects(JsonElement value, out IReadOnlyList<JsonElement> objects)
    {
        objects = [];
        if (value.ValueKind == JsonValueKind.Object)
        {
            objects = [value];
            return true;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            return false;
        }

        var list = new List<JsonElement>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            list.Add(item);
        }

        objects = list;
        return true;
    }

    /// <summary>
    /// An absolute URL (RFC 3986 §4.3: it starts with a scheme). Uri.TryCreate alone is not enough: on Unix it takes
    /// "/path" for an absolute file URI.
    /// </summary>
    public static bool IsAbsoluteUri(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Trim().Length != value.Length || !char.IsAsciiLetter(value[0]))
        {
            return false;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 &&
            value.AsSpan(0, colon).IndexOfAnyExcept(SchemeCharacters) < 0 &&
            Uri.TryCreate(value, UriKind.Absolute, out _);
    }

    private static readonly System.Buffers.SearchValues<char> SchemeCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");

    public static string? GetOptionalString(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// An XML Schema 1.1 <c>dateTimeStamp</c> (RFC 3339 profile): the time zone is required, because a time without
    /// one means different instants to different verifiers. Fractions beyond 100 ns are truncated.
    /// </summary>
    public static bool TryParseDateTimeStamp(string? text, out DateTimeOffset value)
    {
        // By hand rather than with a regex and DateTimeOffset.TryParse: every credential and presentation date goes
        // through here on the verification hot path. ASCII digits only, and nothing after the zone.
        value = default;
        var s = text.AsSpan();
        if (s.Length < 20 ||
            !TryDigits(s, 0, 4, out var year) || s[4] != '-' || !TryDigits(s, 5, 2, out var month) || s[7] != '-' ||
            !TryDigits(s, 8, 2, out var day) || s[10] != 'T' || !TryDigits(s, 11, 2, out var hour) || s[13] != ':' ||
            !TryDigits(s, 14, 2, out var minute) || s[16] != ':' || !TryDigits(s, 17, 2, out var second))
        {
            return false;
        }

        var i = 19;
        long fractionTicks = 0;
        if (s[i] == '.')
        {
            var start = ++i;
            var scale = TimeSpan.TicksPerSecond;
            for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
            {
                if (i - start < 7)
                {
                    scale /= 10;
                    fractionTicks += (s[i] - '0') * scale;
                }
            }

            if (i == start)
            {
                return false;
            }
        }

        TimeSpan offset;
        if (i == s.Length - 1 && s[i] == 'Z')
        {
            offset = TimeSpan.Zero;
        }
        else if (i == s.Length - 6 && s[i] is '+' or '-' && TryDigits(s, i + 1, 2, out var offsetHours) && s[i + 3] == ':' && TryDigits(s, i + 4, 2, out var offsetMinutes))
        {
            // DateTimeOffset's range: at most 14 hours either way.
            if (offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 14 * 60)
            {
                return false;
            }

            offset = new TimeSpan(s[i] == '-' ? -offsetHours : offsetHours, s[i] == '-' ? -offsetMinutes : offsetMinutes, 0);
        }
        else
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks;
        var utcTicks = ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(ticks, offset);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }

    /// <summary>The canonical form this library writes: UTC, seconds precision, <c>Z</c>.</summary>
    public static string FormatDateTimeStamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>What JavaScript's <c>new Date(seconds * 1000).toISOString()</c> gives, as did-jwt-vc writes dates.</summary>
    public static string FormatJavaScriptIso(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToString("yyyy-MM-dd'T'HH:mm:ss'.000Z'", CultureInfo.InvariantCulture);
}
