using System.Globalization;
using Identity.Shared.StatusLists;

namespace Identity.Issuer.Issuance;

/// <summary>The absolute URLs the issuer publishes under its public base URL (a base path is kept).</summary>
internal static class IssuerUrls
{
    public static Uri Join(Uri baseUrl, string relative) =>
        new UriBuilder(baseUrl) { Path = baseUrl.AbsolutePath.TrimEnd('/') + "/" + relative.TrimStart('/'), Query = string.Empty, Fragment = string.Empty }.Uri;

    public static string StatusListId(int listNumber, string purpose) =>
        listNumber.ToString(CultureInfo.InvariantCulture) + "-" + purpose;

    public static Uri StatusList(Uri baseUrl, int listNumber, string purpose) =>
        Join(baseUrl, "status-lists/" + StatusListId(listNumber, purpose));

    /// <summary>Parses <c>N-revocation</c> / <c>N-suspension</c>.</summary>
    public static bool TryParseStatusListId(string? id, out int listNumber, out string purpose)
    {
        listNumber = 0;
        purpose = string.Empty;
        if (id is null || id.Length > 32)
        {
            return false;
        }

        var dash = id.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || !int.TryParse(id.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out listNumber) || listNumber < 1)
        {
            return false;
        }

        purpose = id[(dash + 1)..];
        return purpose is StatusPurposes.Revocation or StatusPurposes.Suspension;
    }

    public static string CredentialPath(string id) => "/credentials/" + Uri.EscapeDataString(id);
}
