using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Numerics;
using System.Text.Json;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Shared.Ethereum;

/// <summary>
/// A JSON-RPC client for one Ethereum node over HTTP, with the limits a server needs: a timeout per exchange,
/// bounded retries with backoff on transient failures, a cap on the response size enforced while streaming,
/// and batching (several calls in one HTTP request). Every failure is an <see cref="EthereumRpcException"/>.
/// </summary>
public sealed class EthereumRpcClient
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);

    private readonly Func<HttpClient> httpClient;
    private readonly EthereumRpcOptions options;
    private readonly TimeProvider time;
    private readonly AuthenticationHeaderValue? authorization;
    private readonly Uri requestUri;

    /// <summary>Uses <paramref name="httpClient"/> (not disposed by this client).</summary>
    public EthereumRpcClient(HttpClient httpClient, EthereumRpcOptions options, TimeProvider? timeProvider = null)
        : this(() => httpClient, options, timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
    }

    /// <summary>Takes an <see cref="HttpClient"/> from <paramref name="factory"/> (named <paramref name="httpClientName"/>) per exchange.</summary>
    public EthereumRpcClient(IHttpClientFactory factory, EthereumRpcOptions options, string httpClientName = "", TimeProvider? timeProvider = null)
        : this(() => factory.CreateClient(httpClientName), options, timeProvider)
    {
        ArgumentNullException.ThrowIfNull(factory);
    }

    private EthereumRpcClient(Func<HttpClient> httpClient, EthereumRpcOptions options, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.httpClient = httpClient;
        this.options = options;
        time = timeProvider ?? TimeProvider.System;
        var builder = new UriBuilder(options.Url);
        if (!string.IsNullOrEmpty(options.Url.UserInfo))
        {
            authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Uri.UnescapeDataString(options.Url.UserInfo))));
            builder.UserName = string.Empty;
            builder.Password = string.Empty;
        }

        requestUri = builder.Uri;
    }

    /// <summary>The node as errors name it (scheme://host:port).</summary>
    public string Endpoint => options.DisplayEndpoint;

    /// <summary><c>eth_chainId</c>.</summary>
    public async Task<ulong> GetChainIdAsync(CancellationToken cancellationToken = default) =>
        ReadUInt64(await CallAsync("eth_chainId", static _ => { }, cancellationToken).ConfigureAwait(false), "eth_chainId");

    /// <summary><c>eth_blockNumber</c>.</summary>
    public async Task<ulong> GetBlockNumberAsync(CancellationToken cancellationToken = default) =>
        ReadUInt64(await CallAsync("eth_blockNumber", static _ => { }, cancellationToken).ConfigureAwait(false), "eth_blockNumber");

    /// <summary><c>eth_call</c>: the return data; a revert is <see cref="EthereumRpcErrorKind.ExecutionReverted"/>.</summary>
    public async Task<byte[]> CallAsync(EthereumCall call, BlockTag block, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        var request = EthCall(call, block);
        var result = await CallAsync(request.Method, request.WriteParams, cancellationToken).ConfigureAwait(false);
        return ReadData(result, request.Method);
    }

    /// <summary><c>eth_estimateGas</c> (at the pending state); a revert is <see cref="EthereumRpcErrorKind.ExecutionReverted"/>.</summary>
    public async Task<ulong> EstimateGasAsync(EthereumCall call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        var request = EstimateGas(call);
        return ReadUInt64(await CallAsync(request.Method, request.WriteParams, cancellationToken).ConfigureAwait(false), request.Method);
    }

    /// <summary><c>eth_getTransactionCount</c>: the next nonce of <paramref name="address"/> at <paramref name="block"/>.</summary>
    public async Task<ulong> GetTransactionCountAsync(EthereumAddress address, BlockTag block, CancellationToken cancellationToken = default)
    {
        var request = TransactionCount(address, block);
        return ReadUInt64(await CallAsync(request.Method, request.WriteParams, cancellationToken).ConfigureAwait(false), request.Method);
    }

    /// <summary><c>eth_gasPrice</c>.</summary>
    public async Task<BigInteger> GetGasPriceAsync(CancellationToken cancellationToken = default) =>
        ReadBig(await CallAsync("eth_gasPrice", static _ => { }, cancellationToken).ConfigureAwait(false), "eth_gasPrice");

    /// <summary><c>eth_maxPriorityFeePerGas</c> (not every node has it: expect <see cref="EthereumRpcErrorKind.RpcError"/>).</summary>
    public async Task<BigInteger> GetMaxPriorityFeePerGasAsync(CancellationToken cancellationToken = default) =>
        ReadBig(await CallAsync("eth_maxPriorityFeePerGas", static _ => { }, cancellationToken).ConfigureAwait(false), "eth_maxPriorityFeePerGas");

    /// <summary><c>eth_feeHistory</c> over <paramref name="blockCount"/> blocks up to <paramref name="newestBlock"/>.</summary>
    public async Task<EthereumFeeHistory> GetFeeHistoryAsync(int blockCount, BlockTag newestBlock, IReadOnlyList<double> rewardPercentiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rewardPercentiles);
        var request = FeeHistory(blockCount, newestBlock, rewardPercentiles);
        return ReadFeeHistory(await CallAsync(request.Method, request.WriteParams, cancellationToken).ConfigureAwait(false));
    }

    /// <summary><c>eth_getBlockByNumber</c> without transactions; null when the node does not know the block.</summary>
    public async Task<EthereumBlockHeader?> GetBlockAsync(BlockTag block, CancellationToken cancellationToken = default)
    {
        var request = BlockByNumber(block);
        var result = await CallAsync(request.Method, request.WriteParams, cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : ReadBlock(result);
    }

    /// <summary>
    /// The timestamps (Unix seconds) of several blocks with one batched request per <see cref="EthereumRpcOptions.MaxBatchSize"/>
    /// blocks. A block the node does not know gives <see cref="EthereumRpcErrorKind.MalformedResponse"/>:
    /// callers ask only for blocks that hold their logs, so a missing one means a pruned or lagging node.
    /// </summary>
    public async Task<IReadOnlyDictionary<ulong, ulong>> GetBlockTimestampsAsync(IEnumerable<ulong> blockNumbers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blockNumbers);
        var numbers = blockNumbers.Distinct().ToArray();
        var requests = numbers.Select(n => BlockByNumber(n)).ToArray();
        var responses = await BatchAsync(requests, cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<ulong, ulong>(numbers.Length);
        for (var i = 0; i < numbers.Length; i++)
        {
            var element = responses[i].GetResultOrThrow();
            if (element.ValueKind == JsonValueKind.Null)
            {
                throw Malformed("eth_getBlockByNumber", $"block {numbers[i]} is unknown to the node");
            }

            var header = ReadBlock(element);
            if (header.Number != numbers[i])
            {
                throw Malformed("eth_getBlockByNumber", $"asked for block {numbers[i]}, got {header.Number}");
            }

            result[numbers[i]] = header.Timestamp;
        }

        return result;
    }

    /// <summary><c>eth_getLogs</c>.</summary>
    public async Task<IReadOnlyList<EthereumLog>> GetLogsAsync(EthereumLogFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var request = Logs(filter);
        var result = await CallAsync(request.Method, request.WriteParams, cancellationToken).ConfigureAwait(false);
        return ReadLogs(result, request.Method);
    }

    /// <summary>
    /// <c>eth_sendRawTransaction</c>: returns the transaction hash. A node that already holds the transaction
    /// (a retried submission) counts as success.
    /// </summary>
    public async Task<string> SendRawTransactionAsync(ReadOnlyMemory<byte> signedTransaction, CancellationToken cancellationToken = default)
    {
        var localHash = Hex.EncodePrefixed(Keccak256.Hash(signedTransaction.Span));
        var hex = Hex.EncodePrefixed(signedTransaction.Span);
        JsonElement result;
        try
        {
            result = await CallAsync("eth_sendRawTransaction", w => w.WriteStringValue(hex), cancellationToken).ConfigureAwait(false);
        }
        catch (EthereumRpcException e) when (e.Kind == EthereumRpcErrorKind.RpcError && (e.RpcMessage ?? string.Empty).Contains("already known", StringComparison.OrdinalIgnoreCase))
        {
            return localHash;
        }

        var hash = ReadHash(result, "eth_sendRawTransaction");
        return string.Equals(hash, localHash, StringComparison.Ordinal)
            ? hash
            : throw Malformed("eth_sendRawTransaction", $"the node reported hash {hash}, expected {localHash}");
    }

    /// <summary><c>eth_getTransactionReceipt</c>; null while the transaction is not mined.</summary>
    public async Task<TransactionReceipt?> GetTransactionReceiptAsync(string transactionHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactionHash);
        var result = await CallAsync("eth_getTransactionReceipt", w => w.WriteStringValue(transactionHash), cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : ReadReceipt(result);
    }

    internal static RpcRequest EthCall(EthereumCall call, BlockTag block) => new("eth_call", w =>
    {
        WriteCall(w, call);
        w.WriteStringValue(block.ToString());
    });

    internal static RpcRequest EstimateGas(EthereumCall call) => new("eth_estimateGas", w => WriteCall(w, call));

    internal static RpcRequest TransactionCount(EthereumAddress address, BlockTag block) => new("eth_getTransactionCount", w =>
    {
        w.WriteStringValue(address.ToLowerHex());
        w.WriteStringValue(block.ToString());
    });

    internal static RpcRequest FeeHistory(int blockCount, BlockTag newestBlock, IReadOnlyList<double> percentiles) => new("eth_feeHistory", w =>
    {
        w.WriteStringValue(HexQuantity.Format((ulong)blockCount));
        w.WriteStringValue(newestBlock.ToString());
        w.WriteStartArray();
        foreach (var p in percentiles)
        {
            w.WriteNumberValue(p);
        }

        w.WriteEndArray();
    });

    internal static RpcRequest BlockByNumber(BlockTag block) => new("eth_getBlockByNumber", w =>
    {
        w.WriteStringValue(block.ToString());
        w.WriteBooleanValue(false);
    });

    internal static RpcRequest Logs(EthereumLogFilter filter) => new("eth_getLogs", w =>
    {
        w.WriteStartObject();
        w.WriteString("address", filter.Address.ToLowerHex());
        w.WriteString("fromBlock", filter.FromBlock.ToString());
        w.WriteString("toBlock", filter.ToBlock.ToString());
        w.WriteStartArray("topics");
        foreach (var topic in filter.Topics)
        {
            if (topic is null)
            {
                w.WriteNullValue();
            }
            else
            {
                w.WriteStringValue(topic);
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>One call, one HTTP exchange.</summary>
    internal async Task<JsonElement> CallAsync(string method, Action<Utf8JsonWriter> writeParams, CancellationToken cancellationToken)
    {
        var responses = await SendAsync([new RpcRequest(method, writeParams)], batch: false, cancellationToken).ConfigureAwait(false);
        return responses[0].GetResultOrThrow();
    }

    /// <summary>
    /// Several calls in as few HTTP exchanges as <see cref="EthereumRpcOptions.MaxBatchSize"/> allows. Transport
    /// failures throw; a JSON-RPC error of one call is returned in its <see cref="RpcResponse"/>.
    /// </summary>
    internal async Task<IReadOnlyList<RpcResponse>> BatchAsync(IReadOnlyList<RpcRequest> requests, CancellationToken cancellationToken)
    {
        var all = new List<RpcResponse>(requests.Count);
        for (var start = 0; start < requests.Count; start += options.MaxBatchSize)
        {
            var chunk = requests.Skip(start).Take(options.MaxBatchSize).ToArray();
            all.AddRange(await SendAsync(chunk, batch: true, cancellationToken).ConfigureAwait(false));
        }

        return all;
    }

    internal EthereumRpcException Malformed(string method, string detail, Exception? inner = null) =>
        new(EthereumRpcErrorKind.MalformedResponse, Endpoint, method, detail, inner);

    internal ulong ReadUInt64(JsonElement element, string method) =>
        element.ValueKind == JsonValueKind.String && HexQuantity.TryParse(element.GetString(), out ulong value)
            ? value
            : throw Malformed(method, "expected a hex quantity below 2^64");

    internal BigInteger ReadBig(JsonElement element, string method) =>
        element.ValueKind == JsonValueKind.String && HexQuantity.TryParse(element.GetString(), out BigInteger value)
            ? value
            : throw Malformed(method, "expected a hex quantity below 2^256");

    internal byte[] ReadData(JsonElement element, string method) =>
        element.ValueKind == JsonValueKind.String && HexQuantity.TryParseData(element.GetString(), out var bytes)
            ? bytes
            : throw Malformed(method, "expected 0x-prefixed hex data");

    internal string ReadHash(JsonElement element, string method) =>
        element.ValueKind == JsonValueKind.String && HexQuantity.TryParseData(element.GetString(), 32, out var bytes)
            ? Hex.EncodePrefixed(bytes)
            : throw Malformed(method, "expected a 32-byte hash");

    internal EthereumAddress ReadAddress(JsonElement element, string method) =>
        element.ValueKind == JsonValueKind.String && HexQuantity.TryParseData(element.GetString(), EthereumAddress.Size, out var bytes)
            ? EthereumAddress.FromBytes(bytes)
            : throw Malformed(method, "expected a 20-byte address");

    internal EthereumFeeHistory ReadFeeHistory(JsonElement element)
    {
        const string method = "eth_feeHistory";
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(method, "expected an object");
        }

        var baseFees = ReadArray(element, "baseFeePerGas", method).Select(e => ReadBig(e, method)).ToArray();
        var rewards = element.TryGetProperty("reward", out var reward) && reward.ValueKind == JsonValueKind.Array
            ? reward.EnumerateArray().Select(row => (IReadOnlyList<BigInteger>)(row.ValueKind == JsonValueKind.Array ? row.EnumerateArray().Select(e => ReadBig(e, method)).ToArray() : throw Malformed(method, "reward rows must be arrays"))).ToArray()
            : [];
        return new EthereumFeeHistory { OldestBlock = ReadUInt64(Property(element, "oldestBlock", method), method), BaseFeePerGas = baseFees, Reward = rewards };
    }

    internal EthereumBlockHeader ReadBlock(JsonElement element)
    {
        const string method = "eth_getBlockByNumber";
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(method, "expected a block object");
        }

        return new EthereumBlockHeader
        {
            Number = ReadUInt64(Property(element, "number", method), method),
            Hash = ReadHash(Property(element, "hash", method), method),
            Timestamp = ReadUInt64(Property(element, "timestamp", method), method),
            BaseFeePerGas = element.TryGetProperty("baseFeePerGas", out var fee) && fee.ValueKind != JsonValueKind.Null ? ReadBig(fee, method) : null,
        };
    }

    internal IReadOnlyList<EthereumLog> ReadLogs(JsonElement element, string method)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Malformed(method, "expected an array of logs");
        }

        var logs = new List<EthereumLog>(element.GetArrayLength());
        foreach (var log in element.EnumerateArray())
        {
            if (log.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(method, "expected log objects");
            }

            var topics = ReadArray(log, "topics", method).Select(t => ReadHash(t, method)).ToArray();
            logs.Add(new EthereumLog
            {
                Address = ReadAddress(Property(log, "address", method), method),
                Topics = topics,
                Data = ReadData(Property(log, "data", method), method),
                BlockNumber = ReadUInt64(Property(log, "blockNumber", method), method),
                BlockHash = ReadHash(Property(log, "blockHash", method), method),
                TransactionHash = ReadHash(Property(log, "transactionHash", method), method),
                LogIndex = ReadUInt64(Property(log, "logIndex", method), method),
                Removed = log.TryGetProperty("removed", out var removed) && removed.ValueKind == JsonValueKind.True,
            });
        }

        return logs;
    }

    internal TransactionReceipt ReadReceipt(JsonElement element)
    {
        const string method = "eth_getTransactionReceipt";
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(method, "expected a receipt object");
        }

        var status = ReadUInt64(Property(element, "status", method), method);
        return new TransactionReceipt
        {
            TransactionHash = ReadHash(Property(element, "transactionHash", method), method),
            BlockNumber = ReadUInt64(Property(element, "blockNumber", method), method),
            Succeeded = status == 1,
            From = ReadAddress(Property(element, "from", method), method),
            To = element.TryGetProperty("to", out var to) && to.ValueKind != JsonValueKind.Null ? ReadAddress(to, method) : null,
            ContractAddress = element.TryGetProperty("contractAddress", out var created) && created.ValueKind != JsonValueKind.Null ? ReadAddress(created, method) : null,
            GasUsed = ReadUInt64(Property(element, "gasUsed", method), method),
            EffectiveGasPrice = element.TryGetProperty("effectiveGasPrice", out var price) && price.ValueKind != JsonValueKind.Null ? ReadBig(price, method) : BigInteger.Zero,
            Logs = ReadLogs(Property(element, "logs", method), method),
        };
    }

    private JsonElement Property(JsonElement element, string name, string method) =>
        element.TryGetProperty(name, out var value) ? value : throw Malformed(method, $"missing '{name}'");

    private JsonElement.ArrayEnumerator ReadArray(JsonElement element, string name, string method)
    {
        var value = Property(element, name, method);
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw Malformed(method, $"'{name}' must be an array");
    }

    private static void WriteCall(Utf8JsonWriter w, EthereumCall call)
    {
        w.WriteStartObject();
        if (call.From is { } from)
        {
            w.WriteString("from", from.ToLowerHex());
        }

        if (call.To is { } to)
        {
            w.WriteString("to", to.ToLowerHex());
        }

        if (!call.Value.IsZero)
        {
            w.WriteString("value", HexQuantity.Format(call.Value));
        }

        w.WriteString("data", Hex.EncodePrefixed(call.Data.Span));
        w.WriteEndObject();
    }

    private async Task<IReadOnlyList<RpcResponse>> SendAsync(RpcRequest[] requests, bool batch, CancellationToken cancellationToken)
    {
        var label = batch ? "batch[" + string.Join(",", requests.Select(r => r.Method).Distinct()) + "]" : requests[0].Method;
        var body = WriteBody(requests, batch);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var document = await PostAsync(body, label, cancellationToken).ConfigureAwait(false);
                return ParseResponses(document.RootElement, requests, batch, label);
            }
            catch (EthereumRpcException e) when (e.IsTransient && attempt < options.MaxRetries)
            {
                var backoff = TimeSpan.FromTicks(Math.Min(options.RetryDelay.Ticks << attempt, MaxBackoff.Ticks));
                if (e.RetryAfter is { } retryAfter && retryAfter > backoff)
                {
                    backoff = retryAfter < MaxBackoff ? retryAfter : MaxBackoff;
                }

                await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static byte[] WriteBody(RpcRequest[] requests, bool batch)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            if (batch)
            {
                w.WriteStartArray();
            }

            for (var i = 0; i < requests.Length; i++)
            {
                w.WriteStartObject();
                w.WriteString("jsonrpc", "2.0");
                w.WriteNumber("id", i + 1);
                w.WriteString("method", requests[i].Method);
                w.WriteStartArray("params");
                requests[i].WriteParams(w);
                w.WriteEndArray();
                w.WriteEndObject();
            }

            if (batch)
            {
                w.WriteEndArray();
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    private async Task<JsonDocument> PostAsync(byte[] body, string label, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, requestUri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = authorization;
        try
        {
            using var response = await httpClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                throw new EthereumRpcException(EthereumRpcErrorKind.HttpStatus, Endpoint, label, $"HTTP {status} {response.ReasonPhrase}")
                {
                    HttpStatusCode = status,
                    IsTransient = status is 429 or >= 500,
                    RetryAfter = response.Headers.RetryAfter?.Delta,
                };
            }

            if (response.Content.Headers.ContentLength > options.MaxResponseBytes)
            {
                throw TooLarge(label);
            }

            var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var bytes = await ReadLimitedAsync(stream, response.Content.Headers.ContentLength, label, linked.Token).ConfigureAwait(false);
                try
                {
                    return JsonDocument.Parse(bytes, DocumentOptions);
                }
                catch (JsonException e)
                {
                    throw Malformed(label, "the body is not JSON", e);
                }
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Our own timer or HttpClient.Timeout fired; the caller did not cancel.
            throw new EthereumRpcException(EthereumRpcErrorKind.Timeout, Endpoint, label, $"no complete answer within {options.Timeout.TotalMilliseconds:0} ms", e);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(label, e);
        }
        catch (IOException e)
        {
            throw Unreachable(label, e);
        }
    }

    private EthereumRpcException Unreachable(string label, Exception e)
    {
        var socket = e.InnerException as SocketException ?? e.InnerException?.InnerException as SocketException;
        var transient = e is IOException
            || (e is HttpRequestException h && h.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded)
            || socket?.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset;
        var detail = socket is not null ? socket.SocketErrorCode.ToString() : e.Message;
        return new EthereumRpcException(EthereumRpcErrorKind.Unreachable, Endpoint, label, detail, e) { IsTransient = transient };
    }

    private EthereumRpcException TooLarge(string label) =>
        new(EthereumRpcErrorKind.ResponseTooLarge, Endpoint, label, $"the response exceeds {options.MaxResponseBytes} bytes");

    private async Task<ReadOnlyMemory<byte>> ReadLimitedAsync(Stream stream, long? contentLength, string label, CancellationToken cancellationToken)
    {
        var limit = (int)options.MaxResponseBytes;
        var buffer = new byte[contentLength is { } known ? (int)Math.Min(known + 1, limit + 1L) : Math.Min(16 * 1024, limit + 1)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limit)
                {
                    throw TooLarge(label);
                }

                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, limit + 1L));
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.AsMemory(0, length);
            }

            length += read;
            if (length > limit)
            {
                throw TooLarge(label);
            }
        }
    }

    private List<RpcResponse> ParseResponses(JsonElement root, RpcRequest[] requests, bool batch, string label)
    {
        if (!batch)
        {
            return [ParseOne(root, 1, requests[0].Method, label)];
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out _))
        {
            // Nodes that refuse batches answer with one error object for the whole request.
            var whole = ParseOne(root, null, label, label);
            return [.. requests.Select(_ => whole)];
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw Malformed(label, "expected a JSON array for a batch");
        }

        var byId = new Dictionary<long, JsonElement>();
        foreach (var item in root.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.Number || !id.TryGetInt64(out var n) || !byId.TryAdd(n, item))
            {
                throw Malformed(label, "batch entries must be objects with distinct numeric ids");
            }
        }

        var results = new List<RpcResponse>(requests.Length);
        for (var i = 0; i < requests.Length; i++)
        {
            results.Add(byId.TryGetValue(i + 1, out var item)
                ? ParseOne(item, i + 1, requests[i].Method, label)
                : throw Malformed(label, $"no answer for call {i + 1} ({requests[i].Method})"));
        }

        return results;
    }

    private RpcResponse ParseOne(JsonElement item, long? expectedId, string method, string label)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(label, "expected a JSON-RPC response object");
        }

        if (expectedId is { } expected && (!item.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.Number || !id.TryGetInt64(out var actual) || actual != expected))
        {
            throw Malformed(label, "the response id does not match the request");
        }

        if (item.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
        {
            return new RpcResponse(default, ReadError(error, method));
        }

        return item.TryGetProperty("result", out var result)
            ? new RpcResponse(result.Clone(), null)
            : throw Malformed(label, "neither 'result' nor 'error'");
    }

    private EthereumRpcException ReadError(JsonElement error, string method)
    {
        if (error.ValueKind != JsonValueKind.Object
            || !error.TryGetProperty("code", out var codeElement) || !codeElement.TryGetInt64(out var code))
        {
            return Malformed(method, "malformed JSON-RPC error object");
        }

        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : string.Empty;
        var data = ReadErrorData(error);
        var reverted = code == 3 || message.StartsWith("execution reverted", StringComparison.OrdinalIgnoreCase);
        if (!reverted)
        {
            return new EthereumRpcException(EthereumRpcErrorKind.RpcError, Endpoint, method, $"{code} {Truncate(message)}") { RpcCode = code, RpcMessage = message };
        }

        var reason = RevertReason.TryDecode(data, out var decoded) ? decoded
            : message.StartsWith("execution reverted: ", StringComparison.OrdinalIgnoreCase) ? message["execution reverted: ".Length..]
            : null;
        return new EthereumRpcException(EthereumRpcErrorKind.ExecutionReverted, Endpoint, method, reason is null ? "execution reverted" : $"execution reverted: {Truncate(reason)}")
        {
            RpcCode = code,
            RpcMessage = message,
            RevertReason = reason,
            RevertData = data,
        };
    }

    private static byte[] ReadErrorData(JsonElement error)
    {
        if (!error.TryGetProperty("data", out var data))
        {
            return [];
        }

        // Some nodes nest the revert data: { "data": { "data": "0x…" } }.
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("data", out var inner))
        {
            data = inner;
        }

        return data.ValueKind == JsonValueKind.String && HexQuantity.TryParseData(data.GetString(), out var bytes) ? bytes : [];
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
