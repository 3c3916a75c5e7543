namespace Identity.Shared.Ethereum;

/// <summary>Why a transaction was refused or failed. Stable: callers map these to their own codes.</summary>
public enum EthereumTransactionErrorKind
{
    /// <summary>The EVM reverted it (at estimation or once mined); see <see cref="EthereumTransactionException.RevertReason"/> ("bad_actor", "bad_signature").</summary>
    Reverted,

    /// <summary>No receipt within <see cref="EthereumTransactionOptions.ReceiptTimeout"/>; it may still be mined.</summary>
    ReceiptTimeout,

    /// <summary>A meta-transaction signature does not recover to the identity's current owner; nothing was sent.</summary>
    SignatureNotFromOwner,

    /// <summary>A meta-transaction was signed over a nonce that is no longer the registry's; nothing was sent.</summary>
    StaleNonce,
}
