using System.Numerics;
using Identity.Shared.Crypto;

namespace Identity.Shared.Ethereum;

/// <summary>
/// Builds, prices, signs and submits EIP-1559 transactions and waits for their receipts. The chain id, nonce
/// (pending), gas estimate and fee data are fetched in one batched request. Sends through one instance are
/// serialised so that concurrent callers do not reuse a nonce.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "SemaphoreSlim holds no unmanaged resource unless AvailableWaitHandle is used, which it is not.")]
public sealed class EthereumTransactionSender
{
    private static readonly BigInteger FallbackPriorityFee = new(1_000_000_000);

    private readonly EthereumRpcClient rpc;
    private readonly EthereumTransactionOptions options;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim sending = new(1, 1);

    /// <summary>Creates a sender over <paramref name="rpc"/>.</summary>
    public EthereumTransactionSender(EthereumRpcClient rpc, EthereumTransactionOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        this.rpc = rpc;
        this.options = options ?? new EthereumTransactionOptions();
        this.options.Validate();
        time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Sends <paramref name="data"/> to <paramref name="to"/> (null deploys a contract) from <paramref name="sender"/>
    /// and returns the successful receipt. A revert is an <see cref="EthereumTransactionException"/> with the reason.
    /// </summary>
    public async Task<TransactionReceipt> SendAsync(PrivateKey sender, EthereumAddress? to, ReadOnlyMemory<byte> data, BigInteger value = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var from = sender.PublicKey.ToEthereumAddress();
        var call = new EthereumCall { From = from, To = to, Data = data, Value = value };
        SignedTransaction signed;
        await sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await PrepareAsync(call, cancellationToken).ConfigureAwait(false);
            signed = transaction.Sign(sender);
            await rpc.SendRawTransactionAsync(signed.Raw, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            sending.Release();
        }

        var receipt = await WaitForReceiptAsync(signed.Hash, cancellationToken).ConfigureAwait(false);
        if (receipt.Succeeded)
        {
            return receipt;
        }

        // Replay at the including block to learn the reason; the receipt itself does not carry it.
        string? reason = null;
        try
        {
            await rpc.CallAsync(call, receipt.BlockNumber, cancellationToken).ConfigureAwait(false);
        }
        catch (EthereumRpcException e) when (e.Kind == EthereumRpcErrorKind.ExecutionReverted)
        {
            reason = e.RevertReason;
        }

        throw new EthereumTransactionException(EthereumTransactionErrorKind.Reverted, $"Transaction {signed.Hash} reverted in block {receipt.BlockNumber}" + (reason is null ? "." : $": {reason}"))
        {
            RevertReason = reason,
            TransactionHash = signed.Hash,
        };
    }

    /// <summary>Polls for the receipt until <see cref="EthereumTransactionOptions.ReceiptTimeout"/>.</summary>
    public async Task<TransactionReceipt> WaitForReceiptAsync(string transactionHash, CancellationToken cancellationToken = default)
    {
        var deadline = time.GetTimestamp() + (long)(options.ReceiptTimeout.TotalSeconds * time.TimestampFrequency);
        while (true)
        {
            var receipt = await rpc.GetTransactionReceiptAsync(transactionHash, cancellationToken).ConfigureAwait(false);
            if (receipt is not null)
            {
                return receipt;
            }

            if (time.GetTimestamp() >= deadline)
            {
                throw new EthereumTransactionException(EthereumTransactionErrorKind.ReceiptTimeout, $"No receipt for {transactionHash} within {options.ReceiptTimeout}; it may still be mined.")
                {
                    TransactionHash = transactionHash,
                };
            }

            await Task.Delay(options.ReceiptPollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Eip1559Transaction> PrepareAsync(EthereumCall call, CancellationToken cancellationToken)
    {
        var responses = await rpc.BatchAsync(
            [
                new RpcRequest("eth_chainId", static _ => { }),
                EthereumRpcClient.TransactionCount(call.From!.Value, BlockTag.Pending),
                EthereumRpcClient.EstimateGas(call),
                EthereumRpcClient.FeeHistory(4, BlockTag.Latest, [50]),
                new RpcRequest("eth_maxPriorityFeePerGas", static _ => { }),
            ],
            cancellationToken).ConfigureAwait(false);
        var chainId = rpc.ReadUInt64(responses[0].GetResultOrThrow(), "eth_chainId");
        var nonce = rpc.ReadUInt64(responses[1].GetResultOrThrow(), "eth_getTransactionCount");
        if (responses[2].Error is { Kind: EthereumRpcErrorKind.ExecutionReverted } reverted)
        {
            throw new EthereumTransactionException(EthereumTransactionErrorKind.Reverted, "The transaction would revert" + (reverted.RevertReason is null ? "." : $": {reverted.RevertReason}"), reverted)
            {
                RevertReason = reverted.RevertReason,
            };
        }

        var gas = rpc.ReadUInt64(responses[2].GetResultOrThrow(), "eth_estimateGas");
        var gasLimit = checked(gas + (gas * (ulong)options.GasMarginPercent / 100));

        BigInteger maxFee;
        BigInteger priority;
        if (responses[3].Error is null && rpc.ReadFeeHistory(responses[3].Result) is { BaseFeePerGas.Count: > 0 } history)
        {
            var nextBaseFee = history.BaseFeePerGas[^1];
            priority = responses[4].Error is null
                ? rpc.ReadBig(responses[4].Result, "eth_maxPriorityFeePerGas")
                : history.Reward.Count > 0 && history.Reward[^1].Count > 0 ? history.Reward[^1][0] : FallbackPriorityFee;
            maxFee = (2 * nextBaseFee) + priority;
        }
        else
        {
            // A node without EIP-1559 fee data: pay the legacy gas price as both cap and tip.
            var gasPrice = await rpc.GetGasPriceAsync(cancellationToken).ConfigureAwait(false);
            maxFee = gasPrice;
            priority = gasPrice;
        }

        return new Eip1559Transaction
        {
            ChainId = chainId,
            Nonce = nonce,
            MaxPriorityFeePerGas = priority,
            MaxFeePerGas = maxFee,
            GasLimit = gasLimit,
            To = call.To,
            Value = call.Value,
            Data = call.Data,
        };
    }
}
