namespace Identity.Shared.StatusLists;

/// <summary>
/// A mutable status list for an issuer to fill in; <see cref="ToStatusList"/> takes an immutable snapshot. Not thread-safe.
/// </summary>
public sealed class BitstringStatusListBuilder
{
    private readonly byte[] bytes;

    /// <summary>A list of <paramref name="entryCount"/> entries of <paramref name="statusSize"/> bits, all zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer entries than the spec's minimum, or an unsupported status size.</exception>
    public BitstringStatusListBuilder(int entryCount = BitstringStatusList.MinimumEntries, int statusSize = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(entryCount, BitstringStatusList.MinimumEntries);
        BitstringStatusList.CheckStatusSize(statusSize);
        EntryCount = entryCount;
        StatusSize = statusSize;
        bytes = new byte[(((long)entryCount * statusSize) + 7) / 8];
    }

    /// <summary>The number of entries.</summary>
    public int EntryCount { get; }

    /// <summary>Bits per entry.</summary>
    public int StatusSize { get; }

    /// <summary>Sets entry <paramref name="index"/> to <paramref name="status"/> (0 … 2^statusSize − 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index or status is out of range.</exception>
    public BitstringStatusListBuilder Set(long index, int status)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, EntryCount);
        ArgumentOutOfRangeException.ThrowIfNegative(status);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(status, 1 << StatusSize);
        var first = index * StatusSize;
        for (var i = 0; i < StatusSize; i++)
        {
            var bit = first + i;
            var mask = (byte)(0x80 >> (int)(bit % 8));
            var on = ((status >> (StatusSize - 1 - i)) & 1) != 0;
            bytes[bit / 8] = on ? (byte)(bytes[bit / 8] | mask) : (byte)(bytes[bit / 8] & ~mask);
        }

        return this;
    }

    /// <summary>Sets or clears a one-bit entry.</summary>
    public BitstringStatusListBuilder Set(long index, bool on) => Set(index, on ? 1 : 0);

    /// <summary>An immutable copy of the current bits.</summary>
    public BitstringStatusList ToStatusList() => new(bytes.ToArray());
}
