using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Identity.Verifier.Claims;

/// <summary>
/// A path into a credential's subject claims: member names separated by dots, each optionally followed by
/// <c>[n]</c> (one element) or <c>[*]</c> (every element), e.g. <c>name[0].given[0]</c>, <c>code.coding[*].code</c>.
/// Deliberately small: no filters, no recursion, so a policy reads at a glance.
/// </summary>
internal sealed class ClaimPath
{
    private const int Every = -1;

    private readonly IReadOnlyList<(string Name, IReadOnlyList<int> Indexes)> segments;

    private ClaimPath(string text, IReadOnlyList<(string Name, IReadOnlyList<int> Indexes)> segments)
    {
        Text = text;
        this.segments = segments;
    }

    public string Text { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out ClaimPath? path)
    {
        path = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var segments = new List<(string, IReadOnlyList<int>)>();
        foreach (var part in text.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length == 0 || name.AsSpan().IndexOfAny("[]*") >= 0)
            {
                return false;
            }

            var indexes = new List<int>();
            var rest = bracket < 0 ? "" : part[bracket..];
            while (rest.Length > 0)
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                if (rest[0] != '[' || close < 2)
                {
                    return false;
                }

                var inner = rest[1..close];
                if (inner == "*")
                {
                    indexes.Add(Every);
                }
                else if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    indexes.Add(index);
                }
                else
                {
                    return false;
                }

                rest = rest[(close + 1)..];
            }

            segments.Add((name, indexes));
        }

        path = new ClaimPath(text, segments);
        return true;
    }

    public static ClaimPath Parse(string text) =>
        TryParse(text, out var path) ? path : throw new ArgumentException($"'{text}' is not a claim path (names separated by dots, each with optional [n] or [*]).", nameof(text));

    public IReadOnlyList<JsonElement> Select(JsonElement root)
    {
        IEnumerable<JsonElement> current = [root];
        foreach (var (name, indexes) in segments)
        {
            current = current.SelectMany<JsonElement, JsonElement>(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var member) ? [member] : []);
            foreach (var index in indexes)
            {
                current = current.SelectMany<JsonElement, JsonElement>(e => e.ValueKind != JsonValueKind.Array
                    ? []
                    : index == Every ? e.EnumerateArray() : index < e.GetArrayLength() ? [e[index]] : []);
            }
        }

        return [.. current];
    }

    public override string ToString() => Text;
}
