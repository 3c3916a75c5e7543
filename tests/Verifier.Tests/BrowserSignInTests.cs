using System.Net;
using Microsoft.Playwright;
using Identity.TestSupport;

namespace Identity.Verifier.Tests;

/// <summary>
/// The sign-in page in a real browser (Debian's chromium, headless, driven by Playwright) against the portal on a
/// real Kestrel port: a refused presentation shows the reason, a presentation loaded from the file a wallet exported
/// for the nonce on the page signs in, and the protected page opens.
/// </summary>
[Trait("Category", "Browser")]
public sealed class BrowserSignInTests : IDisposable
{
    private readonly TestWorld world = new();

    [Fact]
    public async Task SignInPage_PresentationFile_ReachesProtectedPage()
    {
        await using var session = await BrowserSession.StartAsync(world);
        var (origin, page) = (session.Origin, session.Page);
        var credential = world.Issue("PatientIdentityCredential", TestWorld.PatientClaims());

        // Anonymous: the protected page sends the browser to the sign-in page, which fetches a challenge.
        await page.GotoAsync(origin + "/patient");
        Assert.StartsWith(origin + "/signin", page.Url, StringComparison.Ordinal);
        var nonce = await NonceShownAsync(page, previous: null);
        Assert.Equal(origin, await page.TextContentAsync("#audience"));

        // A presentation for another site is refused with the code's fixed text, and the page takes a new challenge.
        await page.FillAsync("#presentation", world.Present("https://elsewhere.test", nonce, [credential]));
        await page.ClickAsync("#signin");
        await Assertions.Expect(page.Locator("#error")).ToHaveTextAsync("Refused: The presentation is not addressed to this verifier.");
        nonce = await NonceShownAsync(page, previous: nonce);

        // The wallet's exported file for the nonce now on the page signs in.
        await page.FillAsync("#presentation", "");
        await page.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "presentation.jwt",
            MimeType = "text/plain",
            Buffer = System.Text.Encoding.ASCII.GetBytes(world.Present(origin, nonce, [credential]) + "\n"),
        });
        await Assertions.Expect(page.Locator("#presentation")).Not.ToHaveValueAsync("");
        await page.ClickAsync("#signin");
        await WaitForProtectedPageAsync(page, origin);

        Assert.Equal(world.PatientDid, await page.TextContentAsync("#holder"));
        Assert.Equal("Welcome, Alice Example", await page.TextContentAsync("#welcome"));
        var cookies = await page.Context.CookiesAsync();
        Assert.Contains(cookies, c => c.Name == "clinic.session" && c.HttpOnly);
    }

    [Fact]
    public async Task SignInPage_WalletInTheBrowser_ReachesProtectedPage()
    {
        await using var session = await BrowserSession.StartAsync(world);
        var (origin, page) = (session.Origin, session.Page);
        var credential = world.Issue("PatientIdentityCredential", TestWorld.PatientClaims());

        // A wallet living in the page (an extension, say): the test signs, in .NET, whatever challenge the page asks for.
        var asked = new List<(string Nonce, string Audience)>();
        await page.ExposeFunctionAsync("testWalletSign", (string nonce, string audience) =>
        {
            asked.Add((nonce, audience));
            return world.Present(audience, nonce, [credential]);
        });
        await page.AddInitScriptAsync("window.identityWallet = { present: ({ nonce, audience }) => window.testWalletSign(nonce, audience) };");

        await page.GotoAsync(origin + "/signin");
        var nonce = await NonceShownAsync(page, previous: null);
        await page.ClickAsync("#wallet");
        await Assertions.Expect(page.Locator("#presentation")).Not.ToHaveValueAsync("");
        await page.ClickAsync("#signin");
        await WaitForProtectedPageAsync(page, origin);

        Assert.Equal([(nonce, origin)], asked);
        Assert.Equal(world.PatientDid, await page.TextContentAsync("#holder"));
    }

    public void Dispose() => world.Dispose();

    /// <summary>The portal on a real Kestrel port trusting the world's hospital, and a headless Chromium page.</summary>
    private sealed class BrowserSession : IAsyncDisposable
    {
        private readonly PortalFactory portal;
        private readonly IPlaywright playwright;
        private readonly IBrowser browser;

        private BrowserSession(string origin, PortalFactory portal, IPlaywright playwright, IBrowser browser, IPage page)
        {
            Origin = origin;
            this.portal = portal;
            this.playwright = playwright;
            this.browser = browser;
            Page = page;
        }

        public string Origin { get; }

        public IPage Page { get; }

        public static async Task<BrowserSession> StartAsync(TestWorld world)
        {
            var port = LoopbackPort.Free();
            var origin = $"http://127.0.0.1:{port}";
            var portal = new PortalFactory(origin, PortalFactory.Trusting(world.HospitalDid));
            portal.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
            portal.StartServer();

            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true });
            var page = await browser.NewPageAsync();

            // Generous limits: the machine is shared and a loaded one takes seconds per step (Expect's default is 5 s).
            page.SetDefaultTimeout(60_000);
            Assertions.SetDefaultExpectTimeout(60_000);
            return new BrowserSession(origin, portal, playwright, browser, page);
        }

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            await portal.DisposeAsync();
        }
    }

    /// <summary>Waits for the sign-in to open /patient and show who signed in; when it does not, says what the page shows.</summary>
    private static async Task WaitForProtectedPageAsync(IPage page, string origin)
    {
        // The page's own URL is polled rather than WaitForURLAsync: on a loaded machine that wait was seen to time out
        // with the page already at /patient (a navigation event it missed). The element read afterwards auto-waits.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (page.Url != origin + "/patient" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        if (page.Url != origin + "/patient")
        {
            var error = page.Url.StartsWith(origin + "/signin", StringComparison.Ordinal) ? await page.TextContentAsync("#error") : null;
            Assert.Fail($"The sign-in did not open /patient: the page is {page.Url}, its error line says '{error}'.");
        }

        await page.WaitForSelectorAsync("#holder");
    }

    private static async Task<string> NonceShownAsync(IPage page, string? previous)
    {
        await page.WaitForFunctionAsync(
            "previous => { const t = document.getElementById('nonce').textContent; return t.length > 20 && t !== previous; }",
            previous ?? "");
        return (await page.TextContentAsync("#nonce"))!;
    }
}
