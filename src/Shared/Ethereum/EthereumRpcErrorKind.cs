namespace Identity.Shared.Ethereum;

/// <summary>How a JSON-RPC exchange failed. Stable: callers map these to their own error codes.</summary>
public enum EthereumRpcErrorKind
{
    /// <summary>No connection (refused, reset, DNS failure, TLS failure).</summary>
    Unreachable,

    /// <summary>The node did not answer within <see cref="EthereumRpcOptions.Timeout"/>.</summary>
    Timeout,

    /// <summary>The node answered with a non-success HTTP status.</summary>
    HttpStatus,

    /// <summary>The body was not the JSON-RPC response expected (bad JSON, wrong id, wrong types).</summary>
    MalformedResponse,

    /// <summary>The body exceeded <see cref="EthereumRpcOptions.MaxResponseBytes"/>.</summary>
    ResponseTooLarge,

    /// <summary>The node returned a JSON-RPC error object (see <see cref="EthereumRpcException.RpcCode"/>).</summary>
    RpcError,

    /// <summary>The EVM reverted the call or transaction (see <see cref="EthereumRpcException.RevertReason"/>).</summary>
    ExecutionReverted,
}
