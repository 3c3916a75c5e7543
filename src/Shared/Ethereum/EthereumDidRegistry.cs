using System.Numerics;
using Identity.Shared.Crypto;

namespace Identity.Shared.Ethereum;

/// <summary>
/// Reads and writes one deployed ERC-1056 EthereumDIDRegistry. Writes go either as the owner's own
/// transaction (<see cref="SendAsync"/>) or as an owner-signed meta-transaction submitted by a relay
/// (<see cref="SignAsync"/> then <see cref="SendSignedAsync"/>); the latter is checked locally first so that a
/// signature the contract would reject never costs the relay gas.
/// </summary>
public sealed class EthereumDidRegistry
{
    private readonly EthereumDidRegistryOptions options;
    private readonly EthereumTransactionSender sender;

    /// <summary>Creates a client of the registry at <paramref name="address"/>.</summary>
    public EthereumDidRegistry(EthereumRpcClient rpc, EthereumAddress address, EthereumDidRegistryOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        Rpc = rpc;
        Address = address;
        this.options = options ?? new EthereumDidRegistryOptions();
        sender = new EthereumTransactionSender(rpc, this.options.Transactions, timeProvider);
    }

    /// <summary>The registry contract.</summary>
    public EthereumAddress Address { get; }

    /// <summary>The node connection.</summary>
    public EthereumRpcClient Rpc { get; }

    /// <summary><c>identityOwner(identity)</c>: the explicit owner, or the identity itself.</summary>
    public async Task<EthereumAddress> GetOwnerAsync(EthereumAddress identity, BlockTag? block = null, CancellationToken cancellationToken = default)
    {
        var data = await ReadAsync(EthereumDidRegistryAbi.EncodeIdentityOwner(identity), block, cancellationToken).ConfigureAwait(false);
        return EthereumDidRegistryAbi.TryDecodeAddress(data, out var owner) ? owner : throw Malformed("identityOwner");
    }

    /// <summary><c>changed(identity)</c>: the block of the last change, 0 when there is none.</summary>
    public async Task<ulong> GetChangedAsync(EthereumAddress identity, BlockTag? block = null, CancellationToken cancellationToken = default)
    {
        var data = await ReadAsync(EthereumDidRegistryAbi.EncodeChanged(identity), block, cancellationToken).ConfigureAwait(false);
        return EthereumDidRegistryAbi.TryDecodeUInt256(data, out var value) && value <= ulong.MaxValue ? (ulong)value : throw Malformed("changed");
    }

    /// <summary><c>nonce(address)</c>: the meta-transaction nonce.</summary>
    public async Task<BigInteger> GetNonceAsync(EthereumAddress address, CancellationToken cancellationToken = default)
    {
        var data = await ReadAsync(EthereumDidRegistryAbi.EncodeNonce(address), null, cancellationToken).ConfigureAwait(false);
        return EthereumDidRegistryAbi.TryDecodeUInt256(data, out var value) ? value : throw Malformed("nonce");
    }

    /// <summary><c>validDelegate(identity, delegateType, delegate)</c> (strictly before expiry).</summary>
    public async Task<bool> IsValidDelegateAsync(EthereumAddress identity, string delegateType, EthereumAddress delegateAddress, CancellationToken cancellationToken = default)
    {
        var data = await ReadAsync(EthereumDidRegistryAbi.EncodeValidDelegate(identity, delegateType, delegateAddress), null, cancellationToken).ConfigureAwait(false);
        return EthereumDidRegistryAbi.TryDecodeBool(data, out var valid) ? valid : throw Malformed("validDelegate");
    }

    /// <summary>
    /// The identity's registry events in [<paramref name="fromBlock"/>, <paramref name="toBlock"/>] with one
    /// <c>eth_getLogs</c> filtered on the identity topic, ordered by block then log index. Removed (reorganised)
    /// logs and logs of other events are left out.
    /// </summary>
    public async Task<IReadOnlyList<RegistryEvent>> GetEventsAsync(EthereumAddress identity, BlockTag fromBlock, BlockTag toBlock, CancellationToken cancellationToken = default)
    {
        var logs = await Rpc.GetLogsAsync(
            new EthereumLogFilter { Address = Address, FromBlock = fromBlock, ToBlock = toBlock, Topics = [null, EthereumDidRegistryAbi.AddressTopic(identity)] },
            cancellationToken).ConfigureAwait(false);
        var events = new List<RegistryEvent>(logs.Count);
        foreach (var log in logs)
        {
            if (log.Removed || log.Address != Address || log.Topics.Count == 0)
            {
                continue;
            }

            var known = log.Topics[0] == EthereumDidRegistryAbi.DidOwnerChangedTopic
                || log.Topics[0] == EthereumDidRegistryAbi.DidDelegateChangedTopic
                || log.Topics[0] == EthereumDidRegistryAbi.DidAttributeChangedTopic;
            if (!known)
            {
                continue;
            }

            events.Add(EthereumDidRegistryAbi.TryDecodeEvent(log, out var decoded)
                ? decoded
                : throw Rpc.Malformed("eth_getLogs", $"undecodable registry event in block {log.BlockNumber}, log {log.LogIndex}"));
        }

        events.Sort(static (a, b) => a.BlockNumber != b.BlockNumber ? a.BlockNumber.CompareTo(b.BlockNumber) : a.LogIndex.CompareTo(b.LogIndex));
        return events;
    }

    /// <summary>Sends <paramref name="operation"/> as a transaction from <paramref name="owner"/> and waits for its receipt.</summary>
    public Task<TransactionReceipt> SendAsync(RegistryOperation operation, PrivateKey owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return sender.SendAsync(owner, Address, operation.EncodeCall(), BigInteger.Zero, cancellationToken);
    }

    /// <summary>The nonce a meta-transaction for <paramref name="operation"/> must be signed over now.</summary>
    public async Task<BigInteger> GetMetaTransactionNonceAsync(RegistryOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var subject = options.LegacyNonce && operation.UsesIdentityNonceOnLegacyRegistry
            ? operation.Identity
            : await GetOwnerAsync(operation.Identity, null, cancellationToken).ConfigureAwait(false);
        return await GetNonceAsync(subject, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the current nonce and signs <paramref name="operation"/> with <paramref name="owner"/>.</summary>
    public async Task<SignedRegistryOperation> SignAsync(RegistryOperation operation, PrivateKey owner, CancellationToken cancellationToken = default)
    {
        var nonce = await GetMetaTransactionNonceAsync(operation, cancellationToken).ConfigureAwait(false);
        return SignedRegistryOperation.Sign(operation, Address, nonce, owner);
    }

    /// <summary>
    /// Submits an owner-signed operation from <paramref name="relay"/>. Refused before sending
    /// (<see cref="EthereumTransactionErrorKind.StaleNonce"/>, <see cref="EthereumTransactionErrorKind.SignatureNotFromOwner"/>)
    /// when the signature is over another registry or nonce, or does not recover to the current owner.
    /// </summary>
    public async Task<TransactionReceipt> SendSignedAsync(SignedRegistryOperation signedOperation, PrivateKey relay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signedOperation);
        var signed = signedOperation;
        if (signed.Registry != Address)
        {
            throw new EthereumTransactionException(EthereumTransactionErrorKind.SignatureNotFromOwner, $"The operation was signed for registry {signed.Registry}, not {Address}; nothing was sent.");
        }

        var owner = await GetOwnerAsync(signed.Operation.Identity, null, cancellationToken).ConfigureAwait(false);
        var nonce = await GetMetaTransactionNonceAsync(signed.Operation, cancellationToken).ConfigureAwait(false);
        if (signed.Nonce != nonce)
        {
            throw new EthereumTransactionException(EthereumTransactionErrorKind.StaleNonce, $"The operation was signed over nonce {signed.Nonce} but the registry expects {nonce}; nothing was sent. Sign again.");
        }

        if (!signed.TryRecoverSigner(out var signer) || signer != owner)
        {
            throw new EthereumTransactionException(EthereumTransactionErrorKind.SignatureNotFromOwner, $"The signature does not recover to the identity's owner {owner}; nothing was sent.");
        }

        return await sender.SendAsync(relay, Address, signed.EncodeCall(), BigInteger.Zero, cancellationToken).ConfigureAwait(false);
    }

    private Task<byte[]> ReadAsync(byte[] data, BlockTag? block, CancellationToken cancellationToken) =>
        Rpc.CallAsync(new EthereumCall { To = Address, Data = data }, block ?? BlockTag.Latest, cancellationToken);

    private EthereumRpcException Malformed(string function) =>
        Rpc.Malformed("eth_call", $"{function} returned data that is not a valid ABI value (is {Address} an ERC-1056 registry?)");
}
