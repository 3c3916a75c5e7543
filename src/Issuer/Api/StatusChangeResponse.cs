namespace Identity.Issuer.Api;

/// <summary>The answer to a status change: the credential's status now, and whether this request changed it.</summary>
public sealed record StatusChangeResponse(string Id, string State, bool Changed);
