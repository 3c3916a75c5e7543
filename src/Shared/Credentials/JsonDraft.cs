using System.Text.Json;

namespace Identity.Shared.Credentials;

/// <summary>
/// A JSON object being assembled from pieces of parsed documents, written once at the end. Decoding a VC-JWT or a
/// VP-JWT re-arranges the members of its payload (did-jwt-vc's <c>normalizeCredential</c>); doing that on
/// <c>JsonNode</c>s materialized, cloned and re-ordered every member and cost more than the rest of decoding, while a
/// draft only holds references to the payload's elements. Members keep their insertion order; setting an existing
/// name replaces its value in place, as <c>JsonObject</c>'s indexer does.
/// </summary>
internal sealed class JsonDraft
{
    private readonly List<(string Name, JsonDraftValue Value)> members;

    public JsonDraft(int capacity = 4) => members = new List<(string, JsonDraftValue)>(capacity);

    /// <summary>The members of <paramref name="json"/>, an object, in their order.</summary>
    public static JsonDraft From(JsonElement json)
    {
        var draft = new JsonDraft(12);
        foreach (var member in json.EnumerateObject())
        {
            draft.members.Add((member.Name, member.Value));
        }

        return draft;
    }

    /// <summary>The value of <paramref name="name"/>; false when the member is absent (a JSON null is present).</summary>
    public bool TryGet(string name, out JsonDraftValue value)
    {
        var index = IndexOf(name);
        value = index >= 0 ? members[index].Value : default;
        return index >= 0;
    }

    /// <summary>The value of <paramref name="name"/> unless it is absent or JSON null, like <c>JsonObject</c>'s indexer.</summary>
    public bool TryGetNonNull(string name, out JsonDraftValue value) => TryGet(name, out value) && !value.IsNull;

    public void Set(string name, JsonDraftValue value)
    {
        var index = IndexOf(name);
        if (index >= 0)
        {
            members[index] = (name, value);
        }
        else
        {
            members.Add((name, value));
        }
    }

    public void Insert(int index, string name, JsonDraftValue value) => members.Insert(index, (name, value));

    public bool Remove(string name)
    {
        var index = IndexOf(name);
        if (index >= 0)
        {
            members.RemoveAt(index);
        }

        return index >= 0;
    }

    /// <summary>Removes <paramref name="name"/> and gives its value; default (absent) when there was none.</summary>
    public JsonDraftValue Take(string name)
    {
        var index = IndexOf(name);
        if (index < 0)
        {
            return default;
        }

        var value = members[index].Value;
        members.RemoveAt(index);
        return value;
    }

    /// <summary>A draft with the <paramref name="first"/> members first, in that order, then the rest in their order.</summary>
    public JsonDraft Reordered(IReadOnlyList<string> first)
    {
        var result = new JsonDraft(members.Count);
        foreach (var name in first)
        {
            if (TryGet(name, out var value))
            {
                result.members.Add((name, value));
            }
        }

        foreach (var member in members)
        {
            if (!first.Contains(member.Name))
            {
                result.members.Add(member);
            }
        }

        return result;
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in members)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < members.Count; i++)
        {
            if (string.Equals(members[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>
/// A value of a <see cref="JsonDraft"/>: an element of a parsed document, a string made here, a list of values (as
/// <see cref="Union"/> makes), or a nested draft. The default value stands for "absent".
/// </summary>
internal readonly struct JsonDraftValue
{
    private readonly JsonElement element;
    private readonly string? text;
    private readonly List<JsonElement>? list;
    private readonly JsonDraft? draft;

    private JsonDraftValue(JsonElement element, string? text, List<JsonElement>? list, JsonDraft? draft)
    {
        this.element = element;
        this.text = text;
        this.list = list;
        this.draft = draft;
    }

    public bool IsNull => element.ValueKind == JsonValueKind.Null;

    /// <summary>The element, when the value is one (absent, made strings, lists and drafts are not).</summary>
    public JsonElement? Element => element.ValueKind == JsonValueKind.Undefined ? null : element;

    /// <summary>The number of items of a list made by <see cref="Union"/>; 0 for any other value.</summary>
    public int Count => list?.Count ?? 0;

    public static implicit operator JsonDraftValue(JsonElement element) => new(element, null, null, null);

    public static implicit operator JsonDraftValue(string text) => new(default, text ?? throw new ArgumentNullException(nameof(text)), null, null);

    public static implicit operator JsonDraftValue(JsonDraft draft) => new(default, null, null, draft ?? throw new ArgumentNullException(nameof(draft)));

    public static JsonDraftValue FromElement(JsonElement element) => element;

    /// <summary>
    /// The element values as one list, as <see cref="JwtClaimMapping.Union"/> unites nodes when signing: arrays
    /// flattened one level, absent and null items dropped, strings deduplicated by value, other items kept.
    /// </summary>
    public static JsonDraftValue Union(params ReadOnlySpan<JsonDraftValue> values)
    {
        var result = new List<JsonElement>(4);
        HashSet<string>? seen = null;
        foreach (var value in values)
        {
            if (value.element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in value.element.EnumerateArray())
                {
                    Add(item);
                }
            }
            else if (value.element.ValueKind != JsonValueKind.Undefined)
            {
                Add(value.element);
            }
        }

        return new JsonDraftValue(default, null, result, null);

        void Add(JsonElement item)
        {
            if (item.ValueKind == JsonValueKind.Null || (item.ValueKind == JsonValueKind.String && !(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(item.GetString()!)))
            {
                return;
            }

            result.Add(item);
        }
    }

    /// <summary>JSON equality with a string: true only for a string element or made string of the same text.</summary>
    public bool EqualsString(string value) =>
        text is not null ? string.Equals(text, value, StringComparison.Ordinal) : element.ValueKind == JsonValueKind.String && element.ValueEquals(value);

    /// <summary>JSON equality of two element values (numbers by value, objects regardless of member order).</summary>
    public bool EqualsElement(JsonElement other) => element.ValueKind != JsonValueKind.Undefined && JsonElement.DeepEquals(element, other);

    public void WriteTo(Utf8JsonWriter writer)
    {
        if (text is not null)
        {
            writer.WriteStringValue(text);
        }
        else if (draft is not null)
        {
            draft.WriteTo(writer);
        }
        else if (list is not null)
        {
            writer.WriteStartArray();
            foreach (var item in list)
            {
                item.WriteTo(writer);
            }

            writer.WriteEndArray();
        }
        else
        {
            element.WriteTo(writer);
        }
    }
}
