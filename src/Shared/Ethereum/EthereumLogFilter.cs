using Identity.Shared.Crypto;

namespace Identity.Shared.Ethereum;

/// <summary>An <c>eth_getLogs</c> filter over one contract. A null topic position matches anything.</summary>
public sealed record EthereumLogFilter
{
    /// <summary>The contract whose logs are wanted.</summary>
    public required EthereumAddress Address { get; init; }

    /// <summary>First block, inclusive.</summary>
    public required BlockTag FromBlock { get; init; }

    /// <summary>Last block, inclusive.</summary>
    public required BlockTag ToBlock { get; init; }

    /// <summary>Topic filters by position: each entry is null (any) or 32 bytes as 0x hex.</summary>
    public IReadOnlyList<string?> Topics { get; init; } = [];
}
