using System.Diagnostics.CodeAnalysis;
using Identity.Shared.Verification;

namespace Identity.Shared.StatusLists;

/// <summary>
/// The validate algorithm of Bitstring Status List v1.0 §3.2 steps 2–6, once the list credential has been fetched
/// and verified: the entry must fit the list it names, else <c>status_unavailable</c> (a list that cannot answer is never a pass).
/// </summary>
public static class StatusListChecker
{
    /// <summary>Looks up <paramref name="entry"/> in <paramref name="statusList"/>. Never throws on bad input.</summary>
    public static bool TryCheck(BitstringStatusListEntry entry, StatusListCredential statusList, [NotNullWhen(true)] out StatusCheckResult? result, [NotNullWhen(false)] out VerificationError? error)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(statusList);
        result = null;
        if (entry.Format != statusList.Format)
        {
            error = Unavailable("The status entry and the status list credential follow different specifications.");
            return false;
        }

        if (statusList.Credential.Id is { } id && !string.Equals(id, entry.StatusListCredential, StringComparison.Ordinal))
        {
            error = Unavailable("The status list credential's id is not the entry's statusListCredential.");
            return false;
        }

        if (!statusList.Purposes.Contains(entry.StatusPurpose, StringComparer.Ordinal))
        {
            error = Unavailable("The status list does not serve the entry's statusPurpose.");
            return false;
        }

        // STATUS_LIST_LENGTH_ERROR: herd privacy needs the minimum in entries, not in bits.
        var entries = statusList.List.GetEntryCount(entry.StatusSize);
        if (entries < BitstringStatusList.MinimumEntries)
        {
            error = Unavailable("The status list has fewer than 131,072 entries of the entry's statusSize.");
            return false;
        }

        if (!statusList.List.TryGetStatus(entry.StatusListIndex, entry.StatusSize, out var status))
        {
            error = Unavailable("The status entry's statusListIndex is beyond the end of the status list.");
            return false;
        }

        var message = entry.StatusMessages.FirstOrDefault(m => m.Status == status)?.Message;
        result = new StatusCheckResult(entry.StatusPurpose, status, message);
        error = null;
        return true;
    }

    private static VerificationError Unavailable(string message) => new(VerificationErrorCode.StatusUnavailable, message);
}
