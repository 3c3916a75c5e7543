namespace Identity.Issuer.Api;

/// <summary>The outcomes of a batch, in the order of its requests.</summary>
public sealed record BatchResponse(IReadOnlyList<BatchItemResponse> Results);
