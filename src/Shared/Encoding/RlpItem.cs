using System.Numerics;

namespace Identity.Shared.Encoding;

/// <summary>A decoded RLP item: either a byte string or a list of items.</summary>
public sealed class RlpItem
{
    private readonly byte[] bytes;

    private RlpItem(byte[] bytes, IReadOnlyList<RlpItem>? items)
    {
        this.bytes = bytes;
        Items = items ?? [];
        IsList = items is not null;
    }

    /// <summary>Whether this item is a list (otherwise a byte string).</summary>
    public bool IsList { get; }

    /// <summary>The bytes of a string item (empty for a list).</summary>
    public ReadOnlySpan<byte> Bytes => bytes;

    /// <summary>The children of a list item (empty for a string).</summary>
    public IReadOnlyList<RlpItem> Items { get; }

    /// <summary>The string item read as a big-endian unsigned integer; false for a list or a leading zero byte.</summary>
    public bool TryGetInteger(out BigInteger value)
    {
        value = BigInteger.Zero;
        if (IsList || (bytes.Length > 0 && bytes[0] == 0))
        {
            return false;
        }

        value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        return true;
    }

    internal static RlpItem FromBytes(byte[] value) => new(value, null);

    internal static RlpItem FromList(IReadOnlyList<RlpItem> items) => new([], items);
}
