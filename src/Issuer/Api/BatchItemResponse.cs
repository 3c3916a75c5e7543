using Microsoft.AspNetCore.Mvc;

namespace Identity.Issuer.Api;

/// <summary>The outcome of one request of a batch: <see cref="Credential"/> on 201, <see cref="Problem"/> otherwise.</summary>
public sealed record BatchItemResponse(int Status, CredentialIssuedResponse? Credential, ProblemDetails? Problem);
