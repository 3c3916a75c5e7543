using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Identity.Issuer.Auth;
using Identity.Issuer.CredentialTypes;
using Identity.Issuer.DidWeb;
using Identity.Issuer.HolderProofs;
using Identity.Issuer.Issuance;
using Identity.Issuer.Keys;
using Identity.Issuer.StatusLists;
using Identity.Issuer.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Identity.Issuer.Api;

/// <summary>The HTTP API: routes, roles and the mapping of outcomes to status codes; the work is in the services.</summary>
internal static partial class IssuerEndpoints
{
    public static IEndpointRouteBuilder MapIssuerApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/nonce", CreateNonceAsync).RequireAuthorization(IssuerRoles.Issue)
            .Produces<NonceResponse>(StatusCodes.Status201Created).WithSummary("A one-time nonce for a holder proof.");
        app.MapPost("/credentials", IssueAsync).RequireAuthorization(IssuerRoles.Issue)
            .Accepts<JsonObject>("application/json").Produces<CredentialIssuedResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Issues one credential.");
        app.MapPost("/credentials/batch", IssueBatchAsync).RequireAuthorization(IssuerRoles.Issue)
            .Accepts<JsonObject>("application/json").Produces<BatchResponse>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Issues several credentials; each request succeeds or fails on its own.");
        app.MapGet("/credentials/{id}", GetCredentialAsync).RequireAuthorization(IssuerRoles.Read)
            .Produces<CredentialMetadataResponse>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("A credential's metadata and status history.");
        app.MapPost("/credentials/{id}/status", ChangeStatusAsync).RequireAuthorization(IssuerRoles.Status)
            .Accepts<JsonObject>("application/json").Produces<StatusChangeResponse>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Revokes, suspends or reinstates a credential.");
        app.MapGet("/status-lists/{id}", GetStatusListAsync).AllowAnonymous()
            .Produces<string>(StatusCodes.Status200OK, StatusListPublisher.MediaType).WithSummary("A signed status list credential.");
        app.MapGet("/.well-known/did.json", GetDidDocument).AllowAnonymous().WithSummary("The issuer's DID document (did:web issuers).");
        app.MapGet("/schemas/{file}", GetSchema).AllowAnonymous().WithSummary("The JSON Schema of a credential type's subject.");
        return app;
    }

    private static async Task<IResult> CreateNonceAsync(NonceIssuer nonces, IOptions<IssuerOptions> options, CancellationToken cancellationToken)
    {
        var (nonce, expiresAt) = await nonces.CreateAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Created((string?)null, new NonceResponse(nonce, options.Value.EffectiveHolderProofAudience, expiresAt));
    }

    private static async Task<IResult> IssueAsync(HttpRequest request, ClaimsPrincipal user, CredentialIssuanceService issuance, IOptions<IssuerOptions> options, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadObjectAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
        if (bodyError is not null)
        {
            return bodyError.ToResult();
        }

        var (issued, error) = await IssueOneAsync(body!, user, issuance, cancellationToken).ConfigureAwait(false);
        return error is not null
            ? error.ToResult()
            : TypedResults.Created(IssuerUrls.CredentialPath(issued!.Id), issued);
    }

    private static async Task<IResult> IssueBatchAsync(HttpRequest request, ClaimsPrincipal user, CredentialIssuanceService issuance, IOptions<IssuerOptions> options, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (body, bodyError) = await JsonBody.ReadObjectAsync(request, settings.MaxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
        if (bodyError is not null)
        {
            return bodyError.ToResult();
        }

        if (body!.Count != 1 || body["requests"] is not JsonArray requests)
        {
            return IssuerError.MalformedRequest("The body is { \"requests\": [ … ] }.").ToResult();
        }

        if (requests.Count == 0 || requests.Count > settings.MaxBatchSize)
        {
            return IssuerError.BatchTooLarge(settings.MaxBatchSize).ToResult();
        }

        // Issued concurrently so that the store commits them together.
        var outcomes = await Task.WhenAll(requests.Select(item => item is JsonObject one
            ? IssueOneAsync(one, user, issuance, cancellationToken)
            : Task.FromResult<(CredentialIssuedResponse?, IssuerError?)>((null, IssuerError.MalformedRequest("Each request is a JSON object."))))).ConfigureAwait(false);
        return TypedResults.Ok(new BatchResponse([.. outcomes.Select(o => o.Item2 is { } error
            ? new BatchItemResponse(error.Status, null, ToProblem(error))
            : new BatchItemResponse(StatusCodes.Status201Created, o.Item1, null))]));
    }

    private static async Task<(CredentialIssuedResponse?, IssuerError?)> IssueOneAsync(JsonObject body, ClaimsPrincipal user, CredentialIssuanceService issuance, CancellationToken cancellationToken)
    {
        var (request, readError) = IssuanceRequestReader.Read(body);
        if (readError is not null)
        {
            return (null, readError);
        }

        var (issued, error) = await issuance.IssueAsync(request!, user.ActorName(), user.IsInRole(IssuerRoles.Proofing), cancellationToken).ConfigureAwait(false);
        return error is not null ? (null, error) : (CredentialIssuedResponse.From(issued!), null);
    }

    private static async Task<IResult> GetCredentialAsync(string id, IIssuerStore store, CancellationToken cancellationToken)
    {
        var record = id.Length <= 256 ? await store.FindCredentialAsync(id, cancellationToken).ConfigureAwait(false) : null;
        return record is null ? IssuerError.CredentialNotFound.ToResult() : TypedResults.Ok(CredentialMetadataResponse.From(record));
    }

    private static async Task<IResult> ChangeStatusAsync(string id, HttpRequest request, ClaimsPrincipal user, IIssuerStore store, IOptions<IssuerOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadObjectAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
        if (bodyError is not null)
        {
            return bodyError.ToResult();
        }

        var action = body!["action"] is JsonValue actionValue && actionValue.TryGetValue<string>(out var actionText) ? actionText : null;
        CredentialState? target = action switch
        {
            "revoke" => CredentialState.Revoked,
            "suspend" => CredentialState.Suspended,
            "reinstate" => CredentialState.Active,
            _ => null,
        };
        if (target is null || body.Any(member => member.Key is not ("action" or "reason")))
        {
            return IssuerError.InvalidStatusAction.ToResult();
        }

        string? reason = null;
        if (body["reason"] is { } reasonNode)
        {
            if (reasonNode is not JsonValue reasonValue || !reasonValue.TryGetValue(out reason) || !ReasonPattern().IsMatch(reason))
            {
                return IssuerError.InvalidReason.ToResult();
            }
        }

        if (id.Length > 256)
        {
            return IssuerError.CredentialNotFound.ToResult();
        }

        var audit = new AuditRecord(time.GetUtcNow(), user.ActorName(), action!, id, reason);
        var outcome = await store.ChangeStatusAsync(id, target.Value, audit, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            StatusChangeOutcome.Changed => TypedResults.Ok(new StatusChangeResponse(id, CredentialMetadataResponse.StateName(target.Value), Changed: true)),
            StatusChangeOutcome.Unchanged => TypedResults.Ok(new StatusChangeResponse(id, CredentialMetadataResponse.StateName(target.Value), Changed: false)),
            StatusChangeOutcome.NotFound => IssuerError.CredentialNotFound.ToResult(),
            _ => IssuerError.StatusChangeNotAllowed.ToResult(),
        };
    }

    private static async Task<IResult> GetStatusListAsync(string id, HttpContext context, StatusListPublisher publisher, IOptions<IssuerOptions> options, CancellationToken cancellationToken)
    {
        if (!IssuerUrls.TryParseStatusListId(id, out var list, out var purpose))
        {
            return IssuerError.StatusListNotFound.ToResult();
        }

        var signed = await publisher.GetAsync(list, purpose, cancellationToken).ConfigureAwait(false);
        if (signed is null)
        {
            return IssuerError.StatusListNotFound.ToResult();
        }

        var headers = context.Response.Headers;
        headers.ETag = signed.ETag;
        headers.CacheControl = "public, max-age=" + ((long)options.Value.StatusListMaxAge.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (context.Request.Headers.IfNoneMatch.Count > 0
            && EntityTagHeaderValue.TryParseList(context.Request.Headers.IfNoneMatch, out var tags)
            && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || string.Equals(tag.Tag.Value, signed.ETag, StringComparison.Ordinal)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Text(signed.Token, StatusListPublisher.MediaType);
    }

    private static IResult GetDidDocument(IIssuerKeyRing keys) =>
        DidWebDocumentBuilder.IsDidWeb(keys.IssuerDid)
            ? TypedResults.Text(DidWebDocumentBuilder.Build(keys).ToJsonString(), "application/did+json")
            : new IssuerError(StatusCodes.Status404NotFound, "did_document_not_found", "This issuer's DID is not a did:web; resolve it by its own method.").ToResult();

    private static IResult GetSchema(string file, ICredentialTypeCatalog catalog)
    {
        var name = file.EndsWith(".json", StringComparison.Ordinal) ? file[..^5] : file;
        return catalog.TryGet(name, out var definition)
            ? TypedResults.Text(definition.Schema.ToJsonString(), "application/schema+json")
            : new IssuerError(StatusCodes.Status404NotFound, "schema_not_found", "No credential type has that schema.").ToResult();
    }

    private static ProblemDetails ToProblem(IssuerError error) => new()
    {
        Status = error.Status,
        Title = error.Code.Replace('_', ' '),
        Type = ProblemResults.TypeBase + error.Code,
        Detail = error.Detail,
        Extensions = { ["code"] = error.Code },
    };

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReasonPattern();
}
