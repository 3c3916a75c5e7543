using System.Numerics;
using System.Text.Json.Nodes;

namespace Identity.Shared.Dids.Ethr;

/// <summary>
/// The outcome of replaying a history: the document (without <c>@context</c>), whether the identity is deactivated,
/// the newest replayed block (0: none), the next change after a historic version, and the earliest expiry among the
/// entries the document holds (a cached copy must not outlive it).
/// </summary>
internal sealed record EthrDocumentState(JsonObject Document, bool Deactivated, ulong VersionId, ulong? NextVersionId, BigInteger? EarliestExpiry);
