using Identity.Issuer.Api;
using Identity.Issuer.Auth;
using Identity.Issuer.HolderProofs;
using Identity.Issuer.Issuance;
using Identity.Issuer.Keys;
using Identity.Issuer.StatusLists;
using Identity.Shared.Dids;
using Identity.Shared.Dids.Ethr;
using Identity.Shared.Verification;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

var builder = WebApplication.CreateBuilder(args);
var configuration = builder.Configuration;

builder.Services.AddOptions<IssuerOptions>()
    .Bind(configuration.GetSection(IssuerOptions.SectionName))
    .Validate(options =>
    {
        options.Validate();
        return true;
    })
    .ValidateOnStart();

// Kestrel refuses larger bodies before they are buffered; the API also counts bytes itself (the test server and
// chunked bodies bypass Kestrel's check) and answers request_too_large either way.
var bodyLimit = configuration.GetValue(IssuerOptions.SectionName + ":" + nameof(IssuerOptions.MaxRequestBodyBytes), new IssuerOptions().MaxRequestBodyBytes);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = bodyLimit + 1);

builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddIssuerStore(configuration);
builder.Services.AddIssuerKeyRing(configuration);
builder.Services.AddCredentialTypes(configuration);
builder.Services.AddDidResolution();
if (configuration.GetSection(EthrDidOptions.SectionName + ":Networks").Exists())
{
    builder.Services.AddOptions<EthrDidOptions>().Bind(configuration.GetSection(EthrDidOptions.SectionName));
    builder.Services.AddEthrDidResolution();
}

// Holder proofs carry no credentials, so the credential verifier under the presentation verifier needs no status lists.
builder.Services.AddSingleton(sp => new CredentialVerifier(sp.GetRequiredService<IDidResolver>(), null, sp.GetRequiredService<TimeProvider>()));
builder.Services.AddSingleton(sp => new PresentationVerifier(sp.GetRequiredService<IDidResolver>(), sp.GetRequiredService<CredentialVerifier>(), sp.GetRequiredService<TimeProvider>()));
builder.Services.AddSingleton<NonceIssuer>();
builder.Services.AddSingleton<HolderProofVerifier>();
builder.Services.AddSingleton<CredentialIssuanceService>();
builder.Services.AddSingleton<StatusListPublisher>();

builder.Services.AddIssuerAuthentication(configuration);
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull);
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks();

var app = builder.Build();

// Fail at start, naming the setting, rather than at the first issuance: a key file that does not open is fatal.
_ = app.Services.GetRequiredService<IIssuerKeyRing>();

app.UseExceptionHandler(handler => handler.Run(context =>
{
    // Bad input never gets here (it is answered with its own code); this is a fault of the service or its store.
    var canceled = context.Features.Get<IExceptionHandlerFeature>()?.Error is OperationCanceledException && context.RequestAborted.IsCancellationRequested;
    return canceled ? Task.CompletedTask : ProblemResults.WriteAsync(context, IssuerError.Internal);
}));
app.UseStatusCodePages(context =>
    context.HttpContext.Response.HasStarted || context.HttpContext.Response.ContentLength is not null || context.HttpContext.Response.ContentType is not null
        ? Task.CompletedTask
        : ProblemResults.WriteAsync(context.HttpContext, IssuerError.ForStatus(context.HttpContext.Response.StatusCode)));
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapOpenApi().AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapIssuerApi();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
