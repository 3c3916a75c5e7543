namespace Identity.Shared.Dids;

/// <summary>Character classes of the DID Core ABNF (§3.1, §3.2) and RFC 3986.</summary>
internal static class DidSyntax
{
    /// <summary>method-char = %x61-7A / DIGIT.</summary>
    public static bool IsMethodChar(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    /// <summary>idchar without pct-encoded: ALPHA / DIGIT / "." / "-" / "_".</summary>
    public static bool IsIdChar(char c) => IsAlphaDigit(c) || c is '.' or '-' or '_';

    /// <summary>RFC 3986 pchar without pct-encoded: unreserved / sub-delims / ":" / "@".</summary>
    public static bool IsPChar(char c) =>
        IsAlphaDigit(c) || c is '-' or '.' or '_' or '~' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or ':' or '@';

    /// <summary>True when <paramref name="text"/>[<paramref name="index"/>] starts a "%" HEXDIG HEXDIG triplet.</summary>
    public static bool IsPctEncoded(ReadOnlySpan<char> text, int index) =>
        index + 2 < text.Length && text[index] == '%' && Uri.IsHexDigit(text[index + 1]) && Uri.IsHexDigit(text[index + 2]);

    /// <summary>method-specific-id = *( *idchar ":" ) 1*idchar — colons allowed, not last, not empty.</summary>
    public static bool IsMethodSpecificId(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text[^1] == ':')
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (!IsPctEncoded(text, i))
                {
                    return false;
                }

                i += 2;
            }
            else if (c != ':' && !IsIdChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>path-abempty = *( "/" segment ) with segment = *pchar.</summary>
    public static bool IsPathAbEmpty(ReadOnlySpan<char> text) => text.IsEmpty || (text[0] == '/' && AllPCharOr(text, "/"));

    /// <summary>query / fragment = *( pchar / "/" / "?" ).</summary>
    public static bool IsQueryOrFragment(ReadOnlySpan<char> text) => AllPCharOr(text, "/?");

    private static bool AllPCharOr(ReadOnlySpan<char> text, string extra)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (!IsPctEncoded(text, i))
                {
                    return false;
                }

                i += 2;
            }
            else if (!IsPChar(c) && !extra.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAlphaDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
}
