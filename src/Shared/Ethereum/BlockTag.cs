using System.Globalization;

namespace Identity.Shared.Ethereum;

/// <summary>A block parameter: a number or one of the named tags (<c>latest</c>, <c>pending</c>…).</summary>
public readonly record struct BlockTag
{
    private readonly string? name;

    private BlockTag(string? name, ulong number)
    {
        this.name = name;
        Number = number;
    }

    /// <summary>The most recent block.</summary>
    public static BlockTag Latest { get; } = new("latest", 0);

    /// <summary>The pending state (for transaction counts that include queued transactions).</summary>
    public static BlockTag Pending { get; } = new("pending", 0);

    /// <summary>The genesis block.</summary>
    public static BlockTag Earliest { get; } = new("earliest", 0);

    /// <summary>The latest safe head.</summary>
    public static BlockTag Safe { get; } = new("safe", 0);

    /// <summary>The latest finalized block.</summary>
    public static BlockTag Finalized { get; } = new("finalized", 0);

    /// <summary>The block number when <see cref="IsNumber"/>.</summary>
    public ulong Number { get; }

    /// <summary>Whether this is an explicit block number.</summary>
    public bool IsNumber => name is null;

    /// <summary>A numbered block.</summary>
    public static BlockTag FromNumber(ulong number) => new(null, number);

    /// <summary>A numbered block.</summary>
    public static implicit operator BlockTag(ulong number) => FromNumber(number);

    /// <summary>The JSON-RPC form: a tag name or a hex quantity.</summary>
    public override string ToString() => name ?? "0x" + Number.ToString("x", CultureInfo.InvariantCulture);
}
