namespace Identity.Issuer.Api;

/// <summary>Writes an <see cref="IssuerError"/> as <c>application/problem+json</c> with its <c>code</c> extension.</summary>
internal static class ProblemResults
{
    /// <summary>The problem <c>type</c> is this plus the code: a stable name, documented in docs/issuer.md, that no one has to host.</summary>
    public const string TypeBase = "urn:problem:identity-issuer:";

    public static IResult ToResult(this IssuerError error) =>
        TypedResults.Problem(
            detail: error.Detail,
            statusCode: error.Status,
            title: error.Code.Replace('_', ' '),
            type: TypeBase + error.Code,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = error.Code });

    public static async Task WriteAsync(HttpContext context, IssuerError error)
    {
        context.Response.StatusCode = error.Status;
        await error.ToResult().ExecuteAsync(context).ConfigureAwait(false);
    }
}
