using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Identity.Chain.Tests.Dids;

/// <summary>
/// A JSON-RPC proxy on 127.0.0.1 in front of anvil that counts what a client asks for and can behave like a hosted
/// node: refuse <c>eth_getLogs</c> over more than <see cref="MaxLogsBlockRange"/> blocks, or rewrite answers.
/// Batches are split per call and merged back, so a refusal hits only the call it concerns.
/// </summary>
public sealed class JsonRpcProxy : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly HttpClient upstream = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Uri target;
    private readonly ConcurrentQueue<string> calls = new();
    private readonly Task loop;
    private int httpRequests;

    public JsonRpcProxy(Uri target)
    {
        this.target = target;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
        }

        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    public Uri Url { get; }

    /// <summary>HTTP requests received (a batch is one).</summary>
    public int HttpRequests => Volatile.Read(ref httpRequests);

    /// <summary>JSON-RPC methods called, batched or not, in arrival order.</summary>
    public IReadOnlyList<string> Calls => [.. calls];

    /// <summary>Widest <c>eth_getLogs</c> range (in blocks, both ends included) answered; null: any.</summary>
    public ulong? MaxLogsBlockRange { get; set; }

    /// <summary>The HTTP status of a refusal (some hosted nodes answer 400 or 413 rather than 200 with the error).</summary>
    public HttpStatusCode RefusalStatus { get; set; } = HttpStatusCode.OK;

    /// <summary>Rewrites an upstream answer (request, response) before it is returned; null: unchanged.</summary>
    public Func<JsonObject, JsonObject, JsonObject>? Rewrite { get; set; }

    /// <summary>How long the proxy waits before answering each HTTP request (a slow node that never times out a call).</summary>
    public TimeSpan Delay { get; set; }

    public void ResetCounts()
    {
        Interlocked.Exchange(ref httpRequests, 0);
        calls.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
        upstream.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref httpRequests);
        try
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }

            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            var request = JsonNode.Parse(body)!;
            var items = request is JsonArray array ? array.Select(i => i!.AsObject()).ToList() : [request.AsObject()];
            var answers = new JsonObject?[items.Count];
            var forward = new List<int>();
            var refused = false;
            for (var i = 0; i < items.Count; i++)
            {
                var method = items[i]["method"]!.GetValue<string>();
                calls.Enqueue(method);
                if (method == "eth_getLogs" && MaxLogsBlockRange is { } max && await RangeOfAsync(items[i]) > max)
                {
                    refused = true;
                    answers[i] = new JsonObject
                    {
                        ["jsonrpc"] = "2.0",
                        ["id"] = items[i]["id"]!.DeepClone(),
                        ["error"] = new JsonObject { ["code"] = -32005, ["message"] = $"query exceeds max block range {max}" },
                    };
                }
                else
                {
                    forward.Add(i);
                }
            }

            if (forward.Count > 0)
            {
                var upstreamAnswers = await ForwardAsync([.. forward.Select(i => items[i])]);
                for (var k = 0; k < forward.Count; k++)
                {
                    var answer = upstreamAnswers.First(a => JsonNode.DeepEquals(a["id"], items[forward[k]]["id"]));
                    answers[forward[k]] = Rewrite is { } rewrite ? rewrite(items[forward[k]], answer) : answer;
                }
            }

            JsonNode response = request is JsonArray ? new JsonArray([.. answers.Select(a => (JsonNode?)a!.DeepClone())]) : answers[0]!;
            var bytes = Encoding.UTF8.GetBytes(response.ToJsonString());
            context.Response.StatusCode = (int)(refused ? RefusalStatus : HttpStatusCode.OK);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or HttpRequestException)
        {
            context.Response.Abort();
        }
    }

    private async Task<List<JsonObject>> ForwardAsync(List<JsonObject> items)
    {
        var batch = new JsonArray([.. items.Select(i => (JsonNode)i.DeepClone())]);
        using var content = new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json");
        using var answer = await upstream.PostAsync(target, content);
        var parsed = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        return [.. parsed.AsArray().Select(a => a!.AsObject())];
    }

    private async Task<ulong> RangeOfAsync(JsonObject call)
    {
        var filter = call["params"]![0]!.AsObject();
        var from = await BlockAsync(filter["fromBlock"]?.GetValue<string>() ?? "latest");
        var to = await BlockAsync(filter["toBlock"]?.GetValue<string>() ?? "latest");
        return to >= from ? to - from + 1 : 0;
    }

    private async Task<ulong> BlockAsync(string tag)
    {
        if (tag.StartsWith("0x", StringComparison.Ordinal))
        {
            return ulong.Parse(tag.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        if (tag == "earliest")
        {
            return 0;
        }

        var latest = await ForwardAsync([new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "eth_blockNumber", ["params"] = new JsonArray() }]);
        var hex = latest[0]["result"]!.GetValue<string>();
        return ulong.Parse(hex.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }
}
