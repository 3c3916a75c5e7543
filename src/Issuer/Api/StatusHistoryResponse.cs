namespace Identity.Issuer.Api;

/// <summary>One status change as <c>GET /credentials/{id}</c> lists it.</summary>
public sealed record StatusHistoryResponse(string State, DateTimeOffset At, string Actor, string? Reason);
