namespace Identity.Shared.StatusLists;

/// <summary>A status list credential as fetched: still to be decoded and verified like any credential.</summary>
/// <param name="Url">Where it was fetched from.</param>
/// <param name="Content">The body, as text (a compact JWS, or JSON).</param>
/// <param name="MediaType">The response's media type, when it gave one.</param>
/// <param name="RetrievedAt">When this copy was received or last revalidated.</param>
/// <param name="IsStale">True when the copy is past its freshness lifetime and served only because fetching failed within the configured grace period.</param>
public sealed record StatusListDocument(Uri Url, string Content, string? MediaType, DateTimeOffset RetrievedAt, bool IsStale);
