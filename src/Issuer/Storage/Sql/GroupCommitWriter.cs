using System.Threading.Channels;

namespace Identity.Issuer.Storage.Sql;

/// <summary>
/// The single writer of one store instance: it drains the queue into batches of at most
/// <see cref="IssuerStorageOptions.MaxBatchSize"/> writes, runs each batch in one transaction and completes the
/// callers only after the commit, so that one fsync acknowledges many writes (group commit). When a batch fails,
/// its writes are retried one transaction each, so that one bad write (a duplicate id) fails alone.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly Channel<WriteItem> queue;
    private readonly Func<IReadOnlyList<WriteItem>, Task> commitBatch;
    private readonly Action onBatchFailed;
    private readonly int maxBatchSize;
    private readonly Task loop;

    /// <param name="commitBatch">Runs the items in one transaction and commits it; throws when it did not commit.</param>
    /// <param name="onBatchFailed">Forgets state cached from a transaction that rolled back.</param>
    public GroupCommitWriter(int maxBatchSize, int maxQueued, Func<IReadOnlyList<WriteItem>, Task> commitBatch, Action onBatchFailed)
    {
        this.maxBatchSize = maxBatchSize;
        this.commitBatch = commitBatch;
        this.onBatchFailed = onBatchFailed;
        queue = Channel.CreateBounded<WriteItem>(new BoundedChannelOptions(maxQueued)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        loop = Task.Run(RunAsync);
    }

    /// <summary>Queues <paramref name="item"/> (waiting for room when the queue is full) and returns its result after the commit.</summary>
    public async Task<T> RunAsync<T>(WriteItem<T> item)
    {
        try
        {
            await queue.Writer.WriteAsync(item, item.CancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException e)
        {
            throw new ObjectDisposedException("The issuer store is disposed.", e);
        }

        return await item.Task.ConfigureAwait(false);
    }

    /// <summary>Stops taking writes and waits until the queued ones are committed.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<WriteItem>(maxBatchSize);
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < maxBatchSize && reader.TryRead(out var item))
            {
                if (item.CancellationToken.IsCancellationRequested)
                {
                    item.Cancel();
                }
                else
                {
                    batch.Add(item);
                }
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch).ConfigureAwait(false);
            }
        }
    }

#pragma warning disable CA1031 // The writer must outlive any failure: each failure goes to the caller whose write it was.
    private async Task CommitAsync(List<WriteItem> batch)
    {
        try
        {
            await commitBatch(batch).ConfigureAwait(false);
            foreach (var item in batch)
            {
                item.Complete();
            }

            return;
        }
        catch (Exception e) when (batch.Count == 1)
        {
            onBatchFailed();
            batch[0].Fail(e);
            return;
        }
        catch (Exception)
        {
            onBatchFailed();
        }

        foreach (var item in batch)
        {
            try
            {
                await commitBatch([item]).ConfigureAwait(false);
                item.Complete();
            }
            catch (Exception e)
            {
                onBatchFailed();
                item.Fail(e);
            }
        }
    }
#pragma warning restore CA1031
}
