using System.Diagnostics.CodeAnalysis;

namespace Identity.Shared.Dids;

/// <summary>
/// A DID (DID Core §3.1): <c>did:</c> method-name <c>:</c> method-specific-id. Immutable; equality is ordinal on
/// the whole string (DID Core compares DIDs as strings; pct-encodings are not normalised).
/// </summary>
public sealed class Did : IEquatable<Did>
{
    private Did(string value, int methodEnd)
    {
        Value = value;
        Method = value[4..methodEnd];
        MethodSpecificId = value[(methodEnd + 1)..];
    }

    /// <summary>The method name, e.g. <c>ethr</c>.</summary>
    public string Method { get; }

    /// <summary>The method-specific identifier (may contain colons).</summary>
    public string MethodSpecificId { get; }

    /// <summary>The whole DID.</summary>
    public string Value { get; }

    /// <summary>Parses a DID (no path, query or fragment).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Did? did)
    {
        did = null;
        if (text is null || text.Length < 7 || !text.StartsWith("did:", StringComparison.Ordinal))
        {
            return false;
        }

        var methodEnd = text.IndexOf(':', 4);
        if (methodEnd <= 4)
        {
            return false;
        }

        for (var i = 4; i < methodEnd; i++)
        {
            if (!DidSyntax.IsMethodChar(text[i]))
            {
                return false;
            }
        }

        if (!DidSyntax.IsMethodSpecificId(text.AsSpan(methodEnd + 1)))
        {
            return false;
        }

        did = new Did(text, methodEnd);
        return true;
    }

    /// <summary>Throwing wrapper over <see cref="TryParse"/>.</summary>
    public static Did Parse(string text) =>
        TryParse(text, out var did) ? did : throw new FormatException("The text is not a DID (did:method:method-specific-id).");

    /// <inheritdoc />
    public bool Equals(Did? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Did);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The DID string.</summary>
    public override string ToString() => Value;
}
