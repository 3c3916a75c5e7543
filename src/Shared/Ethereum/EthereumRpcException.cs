namespace Identity.Shared.Ethereum;

/// <summary>
/// A JSON-RPC failure that names the node (<see cref="Endpoint"/>, without credentials), the method and how it
/// failed (<see cref="Kind"/>). Every failure of <see cref="EthereumRpcClient"/> is one of these, never a raw
/// <see cref="HttpRequestException"/> or <see cref="System.Text.Json.JsonException"/>.
/// </summary>
public sealed class EthereumRpcException : Exception
{
    /// <summary>Creates an exception with a message built from the parts.</summary>
    public EthereumRpcException(EthereumRpcErrorKind kind, string endpoint, string method, string detail, Exception? innerException = null)
        : base($"Ethereum node {endpoint}, {method}: {kind}: {detail}", innerException)
    {
        Kind = kind;
        Endpoint = endpoint;
        Method = method;
        Detail = detail;
    }

    /// <summary>Required by analyzers; prefer the main constructor.</summary>
    public EthereumRpcException()
        : this(EthereumRpcErrorKind.MalformedResponse, "(unknown)", "(unknown)", "unspecified")
    {
    }

    /// <summary>Required by analyzers; prefer the main constructor.</summary>
    public EthereumRpcException(string message)
        : this(EthereumRpcErrorKind.MalformedResponse, "(unknown)", "(unknown)", message)
    {
    }

    /// <summary>Required by analyzers; prefer the main constructor.</summary>
    public EthereumRpcException(string message, Exception innerException)
        : this(EthereumRpcErrorKind.MalformedResponse, "(unknown)", "(unknown)", message, innerException)
    {
    }

    /// <summary>How the exchange failed.</summary>
    public EthereumRpcErrorKind Kind { get; }

    /// <summary>The node, as scheme://host:port.</summary>
    public string Endpoint { get; }

    /// <summary>The JSON-RPC method (or <c>batch[…]</c>).</summary>
    public string Method { get; }

    /// <summary>The failure without the endpoint and method prefix.</summary>
    public string Detail { get; }

    /// <summary>The HTTP status for <see cref="EthereumRpcErrorKind.HttpStatus"/>.</summary>
    public int? HttpStatusCode { get; init; }

    /// <summary>The JSON-RPC error code for <see cref="EthereumRpcErrorKind.RpcError"/> and <see cref="EthereumRpcErrorKind.ExecutionReverted"/>.</summary>
    public long? RpcCode { get; init; }

    /// <summary>The node's JSON-RPC error message.</summary>
    public string? RpcMessage { get; init; }

    /// <summary>The decoded revert reason (<c>Error(string)</c>, or <c>Panic(0x..)</c>), when there is one.</summary>
    public string? RevertReason { get; init; }

    /// <summary>The raw revert data, when the node returned it.</summary>
    public ReadOnlyMemory<byte> RevertData { get; init; }

    /// <summary>Whether another attempt may succeed (connection failure, 5xx, 429).</summary>
    internal bool IsTransient { get; init; }

    /// <summary>A server-requested delay (HTTP Retry-After on 429/503).</summary>
    internal TimeSpan? RetryAfter { get; init; }
}
