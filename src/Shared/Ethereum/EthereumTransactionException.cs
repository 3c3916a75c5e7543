namespace Identity.Shared.Ethereum;

/// <summary>
/// A transaction the chain refused or that did not complete. Transport failures stay <see cref="EthereumRpcException"/>.
/// </summary>
public sealed class EthereumTransactionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EthereumTransactionException(EthereumTransactionErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException) => Kind = kind;

    /// <summary>Required by analyzers; prefer the main constructor.</summary>
    public EthereumTransactionException()
        : this(EthereumTransactionErrorKind.Reverted, "The transaction failed.")
    {
    }

    /// <summary>Required by analyzers; prefer the main constructor.</summary>
    public EthereumTransactionException(string message)
        : this(EthereumTransactionErrorKind.Reverted, message)
    {
    }

    /// <summary>Required by analyzers; prefer the main constructor.</summary>
    public EthereumTransactionException(string message, Exception innerException)
        : this(EthereumTransactionErrorKind.Reverted, message, innerException)
    {
    }

    /// <summary>What went wrong.</summary>
    public EthereumTransactionErrorKind Kind { get; }

    /// <summary>The decoded revert reason for <see cref="EthereumTransactionErrorKind.Reverted"/>, when the contract gave one.</summary>
    public string? RevertReason { get; init; }

    /// <summary>The transaction hash once it was sent (null when it never left this process).</summary>
    public string? TransactionHash { get; init; }
}
