namespace Identity.Shared.StatusLists;

/// <summary>Limits for decoding an <c>encodedList</c>: they bound the memory an issuer (or whoever serves the list) can make a verifier spend.</summary>
public sealed class StatusListDecodeOptions
{
    private readonly int maxDecompressedBytes = 16 * 1024 * 1024;

    /// <summary>The defaults.</summary>
    public static StatusListDecodeOptions Default { get; } = new();

    /// <summary>
    /// The largest decompressed list accepted, in bytes (16 MiB by default: 134 million one-bit entries). Decompression
    /// stops as soon as the output passes it, so a GZIP bomb costs at most this much memory.
    /// </summary>
    public int MaxDecompressedBytes
    {
        get => maxDecompressedBytes;
        init => maxDecompressedBytes = value >= BitstringStatusList.MinimumBytes
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxDecompressedBytes must be at least the 16 KiB minimum list size.");
    }
}
