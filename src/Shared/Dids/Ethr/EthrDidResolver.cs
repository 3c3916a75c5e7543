using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Shared.Crypto;
using Identity.Shared.Ethereum;

namespace Identity.Shared.Dids.Ethr;

/// <summary>
/// Resolves did:ethr from the ERC-1056 registry, document for document as ethr-did-resolver 11 does, with two
/// differences that make it fast and honest: the history comes from one <c>eth_getLogs</c> over the identity's topic
/// (falling back to ethr-did-resolver's one-request-per-change walk of the <c>changed()</c> linked list when a node
/// refuses the range or answers inconsistently), and a node failure is <c>internalError</c> naming the node, where
/// ethr-did-resolver answers <c>notFound</c>. <c>?versionTime=</c> is supported as DID Core defines it.
/// </summary>
public sealed class EthrDidResolver : IDidRevalidatingResolver
{
    private const string UnknownNetwork = "unknownNetwork";
    private const string UnsupportedFormat = "unsupportedFormat";

    // A bound on the one-request-per-block walk, so that a node answering with endless previousChange pointers
    // cannot keep a resolution going for hours; far above any real identity's history.
    private const int MaxWalkedBlocks = 10_000;

    // ethr-did-resolver 11's fixed context list for application/did+ld+json.
    private static readonly string[] LdContext =
    [
        "https://www.w3.org/ns/did/v1",
        "https://w3id.org/security/suites/secp256k1recovery-2020/v2",
        "https://w3id.org/security/v3-unstable",
    ];

    private readonly Dictionary<string, Connection> connections = new(StringComparer.Ordinal);
    private readonly TimeProvider timeProvider;
    private readonly TimeSpan resolutionTimeout;

    // What a cached result needs to stay current: the earliest expiry of its delegates and attributes. Kept beside
    // the result object (an in-memory cache holds the same instance); a result without an entry is re-resolved.
    private readonly ConditionalWeakTable<DidResolutionResult, Freshness> freshness = [];

    /// <summary>Creates a resolver over the configured networks; <paramref name="createHttpClient"/> gives each network its client.</summary>
    public EthrDidResolver(EthrDidOptions options, Func<EthrNetwork, HttpClient> createHttpClient, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(createHttpClient);
        options.Validate();
        this.timeProvider = timeProvider ?? TimeProvider.System;
        resolutionTimeout = options.ResolutionTimeout;
        foreach (var network in options.Networks)
        {
            var rpc = new EthereumRpcClient(createHttpClient(network), options.RpcOptionsFor(network), this.timeProvider);
            var registry = new EthereumDidRegistry(rpc, EthereumAddress.Parse(network.Registry), new EthereumDidRegistryOptions { LegacyNonce = network.LegacyNonce }, this.timeProvider);
            var connection = new Connection(network, registry);
            foreach (var key in network.Keys())
            {
                connections[key] = connection;
            }
        }
    }

    /// <inheritdoc />
    public string Method => "ethr";

    /// <summary>The registry client of a network key (name or <c>0x</c> + hex chain id), for writes.</summary>
    public EthereumDidRegistry? GetRegistry(string networkKey) => connections.TryGetValue(networkKey, out var connection) ? connection.Registry : null;

    /// <inheritdoc />
    public async Task<DidResolutionResult> ResolveAsync(DidUrl didUrl, DidResolutionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(didUrl);
        ArgumentNullException.ThrowIfNull(options);
        var withContext = options.Accept switch
        {
            null or DidContentTypes.DidLdJson => true,
            DidContentTypes.DidJson => false,
            _ => (bool?)null,
        };
        if (withContext is null)
        {
            return DidResolutionResult.Failure(UnsupportedFormat, "The DID resolver does not support the requested 'accept' format.");
        }

        if (!EthrDid.TryParse(didUrl.Did.MethodSpecificId, out var ethrDid))
        {
            return DidResolutionResult.Failure(DidResolutionErrors.InvalidDid, "Not a valid did:ethr.");
        }

        if (!TryReadVersion(didUrl, out var version, out var versionError))
        {
            return DidResolutionResult.Failure(DidResolutionErrors.InvalidOptions, versionError);
        }

        if (!connections.TryGetValue(ethrDid.Network, out var connection))
        {
            return DidResolutionResult.Failure(UnknownNetwork, "The DID resolver has no configuration for the DID's network.");
        }

        // Every call has its own timeout; this bounds the whole resolution (a walk of many blocks on a slow node).
        using var deadline = new CancellationTokenSource(resolutionTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var resolved = await ResolveCoreAsync(connection, didUrl.Did.Value, ethrDid, version, linked.Token);
            var document = resolved.State.Document;
            if (withContext.Value)
            {
                document["@context"] = new JsonArray([.. LdContext.Select(context => (JsonNode)context)]);
            }

            if (!DidDocument.TryParse(JsonSerializer.SerializeToElement(document), out var didDocument, out var error))
            {
                return DidResolutionResult.Failure(DidResolutionErrors.InternalError, "The registry history gave a document that is not a DID document: " + error);
            }

            var result = DidResolutionResult.Success(didDocument, options.Accept ?? DidContentTypes.DidLdJson, resolved.Metadata);
            freshness.AddOrUpdate(result, new Freshness(resolved.LatestChange, resolved.State.EarliestExpiry));
            return result;
        }
        catch (EthereumRpcException e)
        {
            return DidResolutionResult.Failure(DidResolutionErrors.InternalError, $"The Ethereum node failed: {e.Message}");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return DidResolutionResult.Failure(DidResolutionErrors.InternalError, $"Resolving took longer than {resolutionTimeout.TotalSeconds:0.#} s; the Ethereum node is too slow.");
        }
    }

    /// <summary>
    /// One <c>changed(identity)</c> call: the cached document is current when the identity has not changed since and
    /// none of its delegates or attributes has expired in the meantime.
    /// </summary>
    public async ValueTask<bool> IsCurrentAsync(DidUrl didUrl, DidResolutionResult cached, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(didUrl);
        ArgumentNullException.ThrowIfNull(cached);
        if (!freshness.TryGetValue(cached, out var known) ||
            !EthrDid.TryParse(didUrl.Did.MethodSpecificId, out var ethrDid) ||
            !connections.TryGetValue(ethrDid.Network, out var connection))
        {
            return false;
        }

        if (known.EarliestExpiry is { } expiry && didUrl.VersionId is null && didUrl.VersionTime is null && expiry < NowSeconds())
        {
            return false;
        }

        var changed = await connection.Registry.GetChangedAsync(ethrDid.Address, BlockTag.Latest, cancellationToken);
        return changed == known.LatestChange;
    }

    private async Task<Resolved> ResolveCoreAsync(Connection connection, string did, EthrDid ethrDid, Version version, CancellationToken cancellationToken)
    {
        var registry = connection.Registry;
        var rpc = registry.Rpc;

        // The identity's last change and its whole history, requested together: one round trip when they agree.
        var changedTask = registry.GetChangedAsync(ethrDid.Address, BlockTag.Latest, cancellationToken);
        var eventsTask = TryGetAllEventsAsync(registry, ethrDid.Address, connection.Network.FromBlock, cancellationToken);
        var versionBlockTask = version.BlockNumber is { } requested ? rpc.GetBlockAsync(requested, cancellationToken) : Task.FromResult<EthereumBlockHeader?>(null);
        var changed = await changedTask;
        var events = await eventsTask;
        var versionBlock = await versionBlockTask;
        if (version.BlockNumber is not null && versionBlock is null)
        {
            throw new EthereumRpcException(EthereumRpcErrorKind.RpcError, rpc.Endpoint, "eth_getBlockByNumber", "the versionId block does not exist");
        }

        // Changes mined after the changed() read are left for the next resolution (its revalidation will see them).
        var settled = events?.Where(e => e.BlockNumber <= changed).ToList();
        var history = changed == 0 ? [] : settled is not null && IsCompleteHistory(settled, changed) ? settled : await WalkHistoryAsync(registry, ethrDid.Address, changed, cancellationToken);

        BigInteger now;
        ulong? limit = version.BlockNumber;
        if (versionBlock is not null)
        {
            now = versionBlock.Timestamp;
        }
        else if (version.Time is { } time)
        {
            // versionTime: the newest block at or before that time bounds the replay.
            now = time;
            var timestamps = await rpc.GetBlockTimestampsAsync(history.Select(e => e.BlockNumber).Distinct(), cancellationToken);
            limit = history.Where(e => timestamps[e.BlockNumber] <= time).Select(e => e.BlockNumber).DefaultIfEmpty(0UL).Max();
        }
        else
        {
            now = NowSeconds();
        }

        var controllerKey = ethrDid.PublicKeyHex;
        var state = EthrDocumentBuilder.Build(did, ethrDid.Address, controllerKey, connection.Network.ChainId, history, limit, now);

        var metadataBlocks = new List<ulong>(2);
        if (state.VersionId != 0)
        {
            metadataBlocks.Add(state.VersionId);
        }

        if (state.NextVersionId is { } next)
        {
            metadataBlocks.Add(next);
        }

        var blockTimes = metadataBlocks.Count == 0 ? new Dictionary<ulong, ulong>() : await rpc.GetBlockTimestampsAsync(metadataBlocks, cancellationToken);
        var metadata = new DidDocumentMetadata
        {
            Deactivated = state.Deactivated ? true : null,
            VersionId = state.VersionId != 0 ? state.VersionId.ToString(CultureInfo.InvariantCulture) : null,
            Updated = state.VersionId != 0 ? DateTimeOffset.FromUnixTimeSeconds((long)blockTimes[state.VersionId]) : null,
            NextVersionId = state.NextVersionId?.ToString(CultureInfo.InvariantCulture),
            NextUpdate = state.NextVersionId is { } nextBlock ? DateTimeOffset.FromUnixTimeSeconds((long)blockTimes[nextBlock]) : null,
        };
        return new Resolved(state, metadata, changed);
    }

    /// <summary>
    /// The whole history in one <c>eth_getLogs</c>; null when the node does not answer so wide a range. Hosted nodes
    /// refuse in many ways (a JSON-RPC error, HTTP 400 or 413, a body too large, a timeout of the scan), so any
    /// failure falls back to the walk, which either succeeds one block at a time or fails with the definitive error.
    /// </summary>
    private static async Task<IReadOnlyList<RegistryEvent>?> TryGetAllEventsAsync(EthereumDidRegistry registry, EthereumAddress identity, ulong fromBlock, CancellationToken cancellationToken)
    {
        try
        {
            return OfIdentity(await registry.GetEventsAsync(identity, fromBlock, BlockTag.Latest, cancellationToken), identity);
        }
        catch (EthereumRpcException)
        {
            return null;
        }
    }

    /// <summary>Only the identity's own events: a node that returns others (ignoring the topic filter) must not change the document.</summary>
    private static List<RegistryEvent> OfIdentity(IReadOnlyList<RegistryEvent> events, EthereumAddress identity) =>
        [.. events.Where(e => e.Identity == identity)];

    /// <summary>
    /// Whether the events hold every change the registry's linked list reaches from <paramref name="changed"/>:
    /// each block's smallest earlier <c>previousChange</c> must be the next older block present, ending at 0.
    /// </summary>
    private static bool IsCompleteHistory(IReadOnlyList<RegistryEvent> events, ulong changed)
    {
        var byBlock = events.Where(e => e.BlockNumber <= changed).GroupBy(e => e.BlockNumber).ToDictionary(g => g.Key, g => g.ToList());
        var block = changed;
        var visited = 0;
        while (block != 0)
        {
            if (!byBlock.TryGetValue(block, out var logs))
            {
                return false;
            }

            visited++;
            block = PreviousChange(logs, block);
        }

        return visited == byBlock.Count;
    }

    /// <summary>ethr-did-resolver's walk: one <c>eth_getLogs</c> per changed block, following previousChange.</summary>
    private static async Task<IReadOnlyList<RegistryEvent>> WalkHistoryAsync(EthereumDidRegistry registry, EthereumAddress identity, ulong changed, CancellationToken cancellationToken)
    {
        var blocks = new List<IReadOnlyList<RegistryEvent>>();
        var block = changed;
        while (block != 0)
        {
            if (blocks.Count == MaxWalkedBlocks)
            {
                throw new EthereumRpcException(EthereumRpcErrorKind.MalformedResponse, registry.Rpc.Endpoint, "eth_getLogs", $"the registry history of {identity} is longer than {MaxWalkedBlocks} blocks; refusing to walk further");
            }

            var logs = OfIdentity(await registry.GetEventsAsync(identity, block, block, cancellationToken), identity);
            if (logs.Count == 0)
            {
                throw new EthereumRpcException(EthereumRpcErrorKind.RpcError, registry.Rpc.Endpoint, "eth_getLogs", $"no registry logs in block {block} although the history points there; the node may lack historical logs (use an archive node)");
            }

            blocks.Add(logs);
            block = PreviousChange(logs, block);
        }

        blocks.Reverse();
        return [.. blocks.SelectMany(logs => logs)];
    }

    private static ulong PreviousChange(IEnumerable<RegistryEvent> logsOfBlock, ulong block) =>
        logsOfBlock.Select(e => e.PreviousChange).Where(pc => pc > 0 && pc < block).DefaultIfEmpty(0UL).Min();

    private static bool TryReadVersion(DidUrl didUrl, out Version version, out string error)
    {
        version = default;
        error = string.Empty;
        var versionId = didUrl.VersionId;
        var versionTime = didUrl.VersionTime;
        if (versionId is not null && versionTime is not null)
        {
            error = "versionId and versionTime cannot be used together.";
            return false;
        }

        if (versionId is not null)
        {
            // ethr-did-resolver reads versionId with parseInt and falls back to the latest version when it is not a number.
            var digits = versionId.AsSpan().Trim();
            var length = 0;
            while (length < digits.Length && char.IsAsciiDigit(digits[length]))
            {
                length++;
            }

            version = ulong.TryParse(digits[..length], NumberStyles.None, CultureInfo.InvariantCulture, out var block) ? new Version(block, null) : default;
            return true;
        }

        if (versionTime is not null)
        {
            if (ulong.TryParse(versionTime, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                version = new Version(null, seconds);
                return true;
            }

            if (didUrl.TryGetVersionTime(out var time) && time.ToUnixTimeSeconds() >= 0)
            {
                version = new Version(null, (ulong)time.ToUnixTimeSeconds());
                return true;
            }

            error = "versionTime must be an ISO 8601 date-time or Unix seconds.";
            return false;
        }

        return true;
    }

    private BigInteger NowSeconds() => timeProvider.GetUtcNow().ToUnixTimeSeconds();

    private readonly record struct Version(ulong? BlockNumber, ulong? Time);

    private sealed record Connection(EthrNetwork Network, EthereumDidRegistry Registry);

    private sealed record Resolved(EthrDocumentState State, DidDocumentMetadata Metadata, ulong LatestChange);

    private sealed record Freshness(ulong LatestChange, BigInteger? EarliestExpiry);
}
