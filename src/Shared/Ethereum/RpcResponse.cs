using System.Text.Json;

namespace Identity.Shared.Ethereum;

/// <summary>The outcome of one call of a batch: a (cloned) result or the error that call got.</summary>
internal sealed record RpcResponse(JsonElement Result, EthereumRpcException? Error)
{
    public JsonElement GetResultOrThrow() => Error is null ? Result : throw Error;
}
