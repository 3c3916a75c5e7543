using System.Text.Json;
using Identity.TestSupport;
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

    [Theory]
    [InlineData(1, null, null, true)]
    [InlineData(1, "0", null, false)]
    [InlineData(1, null, "0", false)]
    [InlineData(2, null, null, false)]
    [InlineData(8, null, null, false)]
    public void TierUpMayStall_OnlyOneCpuWithNoDelaySet(int processors, string? runtimeOption, string? environmentVariable, bool expected)
    {
        Assert.Equal(expected, VerificationWarmupService.TierUpMayStall(processors, runtimeOption, environmentVariable));
    }

    [Fact]
    public void BuiltPortal_SetsTheTierUpDelayToZero()
    {
        // Directory.Build.props gives every Web SDK project this option; the portal is the one these tests build.
        using var config = JsonDocument.Parse(File.ReadAllText(ServiceProcess.BuildOutput("samples/ClinicPortal", "ClinicPortal.runtimeconfig.json")));

        var options = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(0, options.GetProperty(VerificationWarmupService.CallCountingDelaySetting).GetInt32());
    }
}
