namespace Identity.Verifier.Nonces;

/// <summary>
/// Where a verifier keeps the nonces it issued until they are used or expire. One-time use must hold across every
/// instance that shares the store: <see cref="TryRedeemAsync"/> is an atomic compare-and-set.
/// </summary>
public interface IPresentationNonceStore
{
    /// <summary>Remembers a newly issued nonce until <paramref name="expiresAt"/>; false when the store is full.</summary>
    Task<bool> TryAddAsync(string nonce, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Reads a nonce's status without changing it.</summary>
    Task<NonceStatus> GetStatusAsync(string nonce, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically marks an unused nonce as used and returns the status it had before: <see cref="NonceStatus.Unused"/>
    /// means this call redeemed it; <see cref="NonceStatus.Used"/> means another request already had;
    /// <see cref="NonceStatus.Unknown"/> means it was never issued or has expired.
    /// </summary>
    Task<NonceStatus> TryRedeemAsync(string nonce, CancellationToken cancellationToken = default);
}
