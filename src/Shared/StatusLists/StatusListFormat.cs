namespace Identity.Shared.StatusLists;

/// <summary>Which specification a status list or entry follows; they differ in the encodedList prefix and in the type names.</summary>
public enum StatusListFormat
{
    /// <summary>W3C Bitstring Status List v1.0: <c>BitstringStatusListEntry</c>, encodedList = <c>u</c> + base64url(GZIP(bits)).</summary>
    BitstringStatusList = 1,

    /// <summary>The older StatusList2021: <c>StatusList2021Entry</c>, encodedList = base64url(GZIP(bits)) with no multibase prefix, one bit per entry.</summary>
    StatusList2021 = 2,
}
