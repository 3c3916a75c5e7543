namespace Identity.Issuer.StatusLists;

/// <summary>A signed status list credential as served: the token, its entity tag, and when it was signed.</summary>
internal sealed record SignedStatusList(string Token, string ETag, long Version, DateTimeOffset SignedAt);
