namespace Identity.Shared.Ethereum;

/// <summary>How transactions are priced and awaited.</summary>
public sealed record EthereumTransactionOptions
{
    /// <summary>Added on top of <c>eth_estimateGas</c>, in percent. Default 20.</summary>
    public int GasMarginPercent { get; init; } = 20;

    /// <summary>Longest wait for the receipt. Default 60 s.</summary>
    public TimeSpan ReceiptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Pause between receipt polls. Default 100 ms (a dev chain mines at once; a real one every few seconds).</summary>
    public TimeSpan ReceiptPollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    public void Validate()
    {
        if (GasMarginPercent is < 0 or > 500)
        {
            throw new ArgumentException("EthereumTransactionOptions.GasMarginPercent must be between 0 and 500.", nameof(GasMarginPercent));
        }

        if (ReceiptTimeout <= TimeSpan.Zero || ReceiptPollInterval <= TimeSpan.Zero || ReceiptPollInterval > ReceiptTimeout)
        {
            throw new ArgumentException("EthereumTransactionOptions.ReceiptTimeout and ReceiptPollInterval must be positive, the interval not longer than the timeout.", nameof(ReceiptTimeout));
        }
    }
}
