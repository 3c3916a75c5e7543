using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Identity.Shared.Dids;

/// <summary>
/// A DID URL (DID Core §3.2): did path-abempty [ "?" query ] [ "#" fragment ]. Immutable. The DID Parameters of
/// §3.2.1 (<c>versionId</c>, <c>versionTime</c>, <c>service</c>, <c>relativeRef</c>) are read from the query.
/// </summary>
public sealed class DidUrl : IEquatable<DidUrl>
{
    private DidUrl(string value, Did did, string path, string? query, string? fragment)
    {
        Value = value;
        Did = did;
        Path = path;
        Query = query;
        Fragment = fragment;
    }

    /// <summary>The DID.</summary>
    public Did Did { get; }

    /// <summary>The path, empty or starting with <c>/</c>.</summary>
    public string Path { get; }

    /// <summary>The query without <c>?</c>, or null when there is none.</summary>
    public string? Query { get; }

    /// <summary>The fragment without <c>#</c>, or null when there is none.</summary>
    public string? Fragment { get; }

    /// <summary>The whole DID URL.</summary>
    public string Value { get; }

    /// <summary>True when this is a plain DID (no path, query or fragment).</summary>
    public bool IsDid => Path.Length == 0 && Query is null && Fragment is null;

    /// <summary>The DID URL without its fragment: what resolution works on.</summary>
    public string WithoutFragment => Fragment is null ? Value : Value[..(Value.Length - Fragment.Length - 1)];

    /// <summary>The <c>versionId</c> DID parameter.</summary>
    public string? VersionId => GetQueryParameter("versionId");

    /// <summary>The <c>versionTime</c> DID parameter, as written (an XML datetime per DID Core).</summary>
    public string? VersionTime => GetQueryParameter("versionTime");

    /// <summary>The <c>service</c> DID parameter.</summary>
    public string? Service => GetQueryParameter("service");

    /// <summary>The <c>relativeRef</c> DID parameter, percent-decoded.</summary>
    public string? RelativeRef => GetQueryParameter("relativeRef");

    /// <summary>Parses a DID URL; a plain DID is a DID URL too.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out DidUrl? didUrl)
    {
        didUrl = null;
        if (text is null)
        {
            return false;
        }

        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var beforeFragment = hash < 0 ? text.AsSpan() : text.AsSpan(0, hash);
        string? fragment = hash < 0 ? null : text[(hash + 1)..];
        var question = beforeFragment.IndexOf('?');
        var beforeQuery = question < 0 ? beforeFragment : beforeFragment[..question];
        string? query = question < 0 ? null : beforeFragment[(question + 1)..].ToString();
        var slash = beforeQuery.IndexOf('/');
        var didPart = slash < 0 ? beforeQuery : beforeQuery[..slash];
        var path = slash < 0 ? string.Empty : beforeQuery[slash..].ToString();

        if (!Did.TryParse(didPart.ToString(), out var did) ||
            !DidSyntax.IsPathAbEmpty(path) ||
            (query is not null && !DidSyntax.IsQueryOrFragment(query)) ||
            (fragment is not null && !DidSyntax.IsQueryOrFragment(fragment)))
        {
            return false;
        }

        didUrl = new DidUrl(text, did, path, query, fragment);
        return true;
    }

    /// <summary>Throwing wrapper over <see cref="TryParse"/>.</summary>
    public static DidUrl Parse(string text) =>
        TryParse(text, out var didUrl) ? didUrl : throw new FormatException("The text is not a DID URL.");

    /// <summary>
    /// The first value of a query parameter, percent-decoded (<c>+</c> is kept as is: DID URLs are RFC 3986, not
    /// form-encoded); null when absent.
    /// </summary>
    public string? GetQueryParameter(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Query is null)
        {
            return null;
        }

        foreach (var part in Query.Split('&'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? part : part[..equals]);
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                return equals < 0 ? string.Empty : Uri.UnescapeDataString(part[(equals + 1)..]);
            }
        }

        return null;
    }

    /// <summary>The <c>versionTime</c> parameter as a UTC instant; false when absent or not an XML/ISO 8601 datetime.</summary>
    public bool TryGetVersionTime(out DateTimeOffset versionTime)
    {
        versionTime = default;
        var text = VersionTime;
        return text is not null &&
               DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out versionTime);
    }

    /// <summary>
    /// Resolves a reference found in a DID document against <paramref name="baseDid"/>: <c>#frag</c>, <c>?q</c>
    /// and <c>/path</c> forms are relative (DID Core §3.2.2); anything else is returned unchanged.
    /// </summary>
    public static string ResolveReference(string reference, string baseDid)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(baseDid);
        return reference.Length > 0 && reference[0] is '#' or '?' or '/' ? baseDid + reference : reference;
    }

    /// <inheritdoc />
    public bool Equals(DidUrl? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DidUrl);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The DID URL string.</summary>
    public override string ToString() => Value;
}
