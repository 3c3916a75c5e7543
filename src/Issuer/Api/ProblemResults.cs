namespace Identity.Issuer.Api;

/// <summary>Writes an <see cref="IssuerError"/> as <c>application/problem+json</c> with its <c>code</c> extension.</summary>
internal static class ProblemResults
{
    /// <summary>The documentation page that lists the codes; the problem <c>type</c> is it plus <c>#code</c>.</summary>
    public const string TypeBase = "https://github.com/identity/docs/issuer.md#";

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
