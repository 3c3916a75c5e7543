using Microsoft.Extensions.DependencyInjection;

namespace Identity.Verifier.Tests;

public sealed class VerificationWarmupServiceTests
{
    [Fact]
    public async Task Startup_WarmupBudgetSet_RunsTheEngineWarmupBeforeServing()
    {
        await using var portal = new PortalFactory(settings: [new("Portal:Warmup:Budget", "00:00:02")]);
        using var client = portal.CreateClient();

        var result = portal.Services.GetRequiredService<VerificationWarmupService>().Result;

        Assert.NotNull(result);
        Assert.Empty(result.Problems);
        Assert.True(result.Iterations > 0);
        Assert.NotEmpty((await PortalFactory.ChallengeAsync(client)).Nonce);
    }

    [Fact]
    public async Task Startup_WarmupBudgetZero_SkipsIt()
    {
        await using var portal = new PortalFactory();
        using var client = portal.CreateClient();

        Assert.Null(portal.Services.GetRequiredService<VerificationWarmupService>().Result);
    }
}
