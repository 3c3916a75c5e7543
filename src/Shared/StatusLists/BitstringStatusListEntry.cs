using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Shared.Credentials;
using Identity.Shared.Verification;

namespace Identity.Shared.StatusLists;

/// <summary>
/// A credential's <c>credentialStatus</c> entry pointing into a status list: a <c>BitstringStatusListEntry</c>
/// (v1.0 §2.1) or the older <c>StatusList2021Entry</c> (always one bit, no <c>statusSize</c>/<c>statusMessage</c>).
/// </summary>
public sealed record BitstringStatusListEntry
{
    /// <summary>The v1.0 entry type.</summary>
    public const string EntryType = "BitstringStatusListEntry";

    /// <summary>The StatusList2021 entry type.</summary>
    public const string StatusList2021EntryType = "StatusList2021Entry";

    private const int MaxIndexDigits = 15;

    /// <summary>Which specification the entry follows.</summary>
    public StatusListFormat Format { get; init; } = StatusListFormat.BitstringStatusList;

    /// <summary>The entry's own URL, if any.</summary>
    public string? Id { get; init; }

    /// <summary><c>statusPurpose</c> (see <see cref="StatusPurposes"/>).</summary>
    public required string StatusPurpose { get; init; }

    /// <summary><c>statusListIndex</c>: the entry's position in the list (in entries, not bits).</summary>
    public required long StatusListIndex { get; init; }

    /// <summary><c>statusListCredential</c>: the URL of the status list credential.</summary>
    public required string StatusListCredential { get; init; }

    /// <summary><c>statusSize</c>: bits per entry (1 unless stated).</summary>
    public int StatusSize { get; init; } = 1;

    /// <summary><c>statusMessage</c> items (required when <see cref="StatusSize"/> &gt; 1).</summary>
    public IReadOnlyList<StatusMessage> StatusMessages { get; init; } = [];

    /// <summary>Whether <paramref name="type"/> names an entry this class reads.</summary>
    public static bool IsSupportedType(string? type) => type is EntryType or StatusList2021EntryType;

    /// <summary>
    /// Reads an entry of a credential. False with <c>malformed</c> when it breaks the entry rules (index not a base-10
    /// string, statusSize not a positive integer, statusMessage missing or not 2^statusSize items…). Never throws on bad input.
    /// </summary>
    public static bool TryParse(CredentialStatus status, [NotNullWhen(true)] out BitstringStatusListEntry? entry, [NotNullWhen(false)] out VerificationError? error)
    {
        ArgumentNullException.ThrowIfNull(status);
        entry = null;
        var json = status.Json;
        var format = status.Type switch
        {
            EntryType => StatusListFormat.BitstringStatusList,
            StatusList2021EntryType => StatusListFormat.StatusList2021,
            _ => (StatusListFormat?)null,
        };
        if (format is null)
        {
            error = Malformed("The credentialStatus type is neither BitstringStatusListEntry nor StatusList2021Entry.");
            return false;
        }

        var purpose = GetString(json, "statusPurpose");
        if (string.IsNullOrEmpty(purpose))
        {
            error = Malformed("The status entry has no statusPurpose string.");
            return false;
        }

        // v1.0 and StatusList2021 both write the index as a string of a base-10 integer, e.g. "94567".
        var indexText = GetString(json, "statusListIndex");
        if (indexText is null || indexText.Length is 0 or > MaxIndexDigits || !indexText.All(char.IsAsciiDigit) || (indexText.Length > 1 && indexText[0] == '0'))
        {
            error = Malformed("The status entry's statusListIndex is not a string of a base-10 non-negative integer.");
            return false;
        }

        var listUrl = GetString(json, "statusListCredential");
        if (!CredentialJson.IsAbsoluteUri(listUrl))
        {
            error = Malformed("The status entry's statusListCredential is not an absolute URL.");
            return false;
        }

        if (status.Id == listUrl)
        {
            error = Malformed("The status entry's id is the status list's URL.");
            return false;
        }

        var statusSize = 1;
        IReadOnlyList<StatusMessage> messages = [];
        if (format == StatusListFormat.BitstringStatusList &&
            (!TryReadStatusSize(json, out statusSize, out error) || !TryReadMessages(json, statusSize, out messages, out error)))
        {
            return false;
        }

        entry = new BitstringStatusListEntry
        {
            Format = format.Value,
            Id = status.Id,
            StatusPurpose = purpose,
            StatusListIndex = long.Parse(indexText, NumberStyles.None, CultureInfo.InvariantCulture),
            StatusListCredential = listUrl!,
            StatusSize = statusSize,
            StatusMessages = messages,
        };
        error = null;
        return true;
    }

    /// <summary>The entry as a <c>credentialStatus</c> object to put in a credential.</summary>
    public JsonObject ToJsonObject()
    {
        var json = new JsonObject();
        if (Id is not null)
        {
            json["id"] = Id;
        }

        json["type"] = Format == StatusListFormat.BitstringStatusList ? EntryType : StatusList2021EntryType;
        json["statusPurpose"] = StatusPurpose;
        json["statusListIndex"] = StatusListIndex.ToString(CultureInfo.InvariantCulture);
        json["statusListCredential"] = StatusListCredential;
        if (Format == StatusListFormat.BitstringStatusList && (StatusSize != 1 || StatusMessages.Count > 0))
        {
            json["statusSize"] = StatusSize;
            json["statusMessage"] = new JsonArray([.. StatusMessages.Select(static m => new JsonObject
            {
                ["status"] = "0x" + m.Status.ToString("x", CultureInfo.InvariantCulture),
                ["message"] = m.Message,
            })]);
        }

        return json;
    }

    private static bool TryReadStatusSize(JsonElement json, out int statusSize, [NotNullWhen(false)] out VerificationError? error)
    {
        statusSize = 1;
        error = null;
        if (!json.TryGetProperty("statusSize", out var value))
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out statusSize) || statusSize < 1)
        {
            error = Malformed("The status entry's statusSize is not a positive integer.");
            return false;
        }

        if (statusSize > BitstringStatusList.MaxStatusSize)
        {
            error = Malformed("The status entry's statusSize is larger than this verifier supports (16).");
            return false;
        }

        return true;
    }

    private static bool TryReadMessages(JsonElement json, int statusSize, out IReadOnlyList<StatusMessage> messages, [NotNullWhen(false)] out VerificationError? error)
    {
        messages = [];
        error = null;
        if (!json.TryGetProperty("statusMessage", out var value))
        {
            if (statusSize > 1)
            {
                error = Malformed("The status entry has a statusSize above 1 but no statusMessage.");
                return false;
            }

            return true;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 1 << statusSize)
        {
            error = Malformed("The status entry's statusMessage is not a list of exactly 2^statusSize items.");
            return false;
        }

        var list = new List<StatusMessage>();
        foreach (var item in value.EnumerateArray())
        {
            var status = GetString(item, "status");
            var message = GetString(item, "message");
            if (status is null || message is null || !status.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || status.Length is < 3 or > 10 ||
                !int.TryParse(status.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) ||
                code >= 1 << statusSize || list.Any(m => m.Status == code))
            {
                error = Malformed("A statusMessage item is not {status: \"0x<hex>\", message} with a distinct status that fits statusSize.");
                return false;
            }

            list.Add(new StatusMessage(code, message));
        }

        messages = list;
        return true;
    }

    private static string? GetString(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static VerificationError Malformed(string message) => new(VerificationErrorCode.Malformed, message);
}
