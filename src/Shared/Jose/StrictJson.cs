using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Unicode;
using Identity.Shared.Verification;

namespace Identity.Shared.Jose;

/// <summary>
/// Parses a JWS header or payload as strict JSON: valid UTF-8 without a byte order mark, a single object at the
/// root, no member name twice in one object (compared after unescaping, at any depth), no nesting deeper than the
/// limit, no escaped lone surrogates. System.Text.Json accepts duplicate names by default and reports all these
/// cases as one opaque <see cref="JsonException"/>; a first pass with <see cref="Utf8JsonReader"/> gives each rule
/// its own fixed message, then <see cref="JsonDocument"/> is built with duplicates refused as well, as a second
/// line of defence.
/// </summary>
internal static class StrictJson
{
    public static bool TryParseObject(ReadOnlyMemory<byte> utf8, int maxDepth, string part, out JsonElement root, [NotNullWhen(false)] out VerificationError? error)
    {
        root = default;
        error = Validate(utf8.Span, maxDepth, part);
        if (error is not null)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = maxDepth, AllowDuplicateProperties = false });
            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            error = Malformed(part, "is not valid JSON");
            return false;
        }
    }

    private static VerificationError? Validate(ReadOnlySpan<byte> utf8, int maxDepth, string part)
    {
        if (!Utf8.IsValid(utf8))
        {
            return Malformed(part, "is not valid UTF-8");
        }

        if (utf8.StartsWith("\uFEFF"u8))
        {
            return Malformed(part, "starts with a byte order mark");
        }

        // The reader's own limit is one above ours so that exceeding ours is seen here, with its own message.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth + 1, CommentHandling = JsonCommentHandling.Disallow });
        var names = new Stack<HashSet<string>>();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Malformed(part, "is not a JSON object");
            }

            do
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (reader.CurrentDepth + 1 > maxDepth)
                        {
                            return Malformed(part, "is nested too deeply");
                        }

                        if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            names.Push(new HashSet<string>(StringComparer.Ordinal));
                        }

                        break;

                    case JsonTokenType.EndObject:
                        names.Pop();
                        break;

                    case JsonTokenType.PropertyName:
                        // GetString unescapes, so "\u0061lg" and "alg" are the same name.
                        if (!names.Peek().Add(reader.GetString()!))
                        {
                            return Malformed(part, "has a duplicate member name");
                        }

                        break;

                    case JsonTokenType.String when reader.ValueIsEscaped:
                        // Unescaping fails on a lone surrogate such as "\ud800"; find it now, not in a later reader.
                        _ = reader.GetString();
                        break;
                }
            }
            while (reader.Read());

            return null;
        }
        catch (JsonException)
        {
            return Malformed(part, "is not valid JSON");
        }
        catch (InvalidOperationException)
        {
            return Malformed(part, "has an invalid escape sequence");
        }
    }

    private static VerificationError Malformed(string part, string problem) =>
        new(VerificationErrorCode.Malformed, $"The JWS {part} {problem}.");
}
