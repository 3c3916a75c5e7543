using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Unicode;
using Identity.Shared.Verification;

namespace Identity.Shared.Jose;

/// <summary>
/// Parses a JWS header or payload as strict JSON: valid UTF-8 without a byte order mark, a single object at the
/// root, no member name twice in one object (compared after unescaping, at any depth), no nesting deeper than the
/// limit, no escaped lone surrogates. System.Text.Json reports all these cases as one opaque
/// <see cref="JsonException"/>, so a pass with <see cref="Utf8JsonReader"/> (<see cref="Validate"/>) gives each
/// rule its own fixed message.
/// <para>
/// That pass costs as much as the parse itself, so it runs up front only where <see cref="JsonDocument"/> alone
/// would not enforce a rule: input with a backslash, where names must be compared unescaped and a lone surrogate can
/// hide. Any other input goes straight to <see cref="JsonDocument"/> with duplicates refused and the same depth
/// limit, which then refuses exactly what the pass would; when it refuses, the pass runs to name the rule.
/// </para>
/// </summary>
internal static class StrictJson
{
    public static bool TryParseObject(ReadOnlyMemory<byte> utf8, int maxDepth, string part, out JsonElement root, [NotNullWhen(false)] out VerificationError? error)
    {
        root = default;
        var span = utf8.Span;
        error = CheckEncoding(span, part);
        if (error is null && span.Contains((byte)'\\'))
        {
            error = Validate(span, maxDepth, part);
        }

        if (error is not null)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = maxDepth, AllowDuplicateProperties = false });
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                root = document.RootElement.Clone();
                return true;
            }
        }
        catch (JsonException)
        {
            // Named below.
        }

        error = Validate(span, maxDepth, part) ?? Malformed(part, "is not valid JSON");
        return false;
    }

    // JsonDocument skips a byte order mark and checks UTF-8 only where it reads strings: both are checked here first.
    private static VerificationError? CheckEncoding(ReadOnlySpan<byte> utf8, string part)
    {
        if (!Utf8.IsValid(utf8))
        {
            return Malformed(part, "is not valid UTF-8");
        }

        return utf8.StartsWith("\uFEFF"u8) ? Malformed(part, "starts with a byte order mark") : null;
    }

    private static VerificationError? Validate(ReadOnlySpan<byte> utf8, int maxDepth, string part)
    {
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
