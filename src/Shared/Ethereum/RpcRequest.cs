using System.Text.Json;

namespace Identity.Shared.Ethereum;

/// <summary>One JSON-RPC call: the method and a writer for its <c>params</c> array.</summary>
internal sealed record RpcRequest(string Method, Action<Utf8JsonWriter> WriteParams);
