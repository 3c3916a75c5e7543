using System.Text;
using Identity.Shared.Verification;

namespace Identity.Verifier;

/// <summary>
/// The RFC 6750 challenge: <c>Bearer</c> alone when no presentation was sent, else
/// <c>Bearer error="invalid_token", error_description="…", error_uri="…#code"</c> with the code's fixed text.
/// </summary>
internal static class WwwAuthenticate
{
    public static string Format(VerificationErrorCode? code, Uri errorDocumentation)
    {
        if (code is not { } known)
        {
            return "Bearer";
        }

        var builder = new StringBuilder("Bearer error=\"invalid_token\", error_description=\"");
        Quote(builder, known.Description);
        builder.Append("\", error_uri=\"");
        Quote(builder, known.GetDocumentationUri(errorDocumentation).AbsoluteUri);
        return builder.Append('"').ToString();
    }

    // RFC 9110 quoted-string: backslash-escape '"' and '\'.
    private static void Quote(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }
    }
}
