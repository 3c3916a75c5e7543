using System.Data.Common;

namespace Identity.Issuer.Storage.Sql;

/// <summary>
/// One write waiting for the group-commit writer. Its work runs inside the batch's transaction; its caller's task
/// completes only after that transaction committed (or fails when it did not).
/// </summary>
internal abstract class WriteItem
{
    protected WriteItem(CancellationToken cancellationToken) => CancellationToken = cancellationToken;

    /// <summary>Honoured while the item waits in the queue only: once in a transaction, the write runs to its end.</summary>
    public CancellationToken CancellationToken { get; }

    public abstract Task ExecuteAsync(DbConnection connection, DbTransaction transaction);

    public abstract void Complete();

    public abstract void Fail(Exception exception);

    public abstract void Cancel();
}

/// <summary>A write whose result reaches its caller after the commit.</summary>
internal sealed class WriteItem<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) : WriteItem(cancellationToken)
{
    private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? result;

    public Task<T> Task => completion.Task;

    public override async Task ExecuteAsync(DbConnection connection, DbTransaction transaction) =>
        result = await work(connection, transaction).ConfigureAwait(false);

    public override void Complete() => completion.TrySetResult(result!);

    public override void Fail(Exception exception) => completion.TrySetException(exception);

    public override void Cancel() => completion.TrySetCanceled(CancellationToken);
}
