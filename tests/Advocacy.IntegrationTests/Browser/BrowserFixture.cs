using Advocacy.IntegrationTests.Infrastructure;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Advocacy.IntegrationTests.Browser;

/// <summary>
/// The host on a real Kestrel port (its own database) and one headless Chromium per test class;
/// each test opens a context of its own (fresh cookies). Chromium is Debian's (<c>/usr/bin/chromium</c>,
/// which test.sh installs), or <c>ADVOCACY_CHROMIUM</c>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public AdvocacyApp App { get; } = new() { RealServer = true };

    public Uri BaseAddress => App.ServerAddress;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)App).InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("ADVOCACY_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // Playwright gives every launch a fresh temporary user-data-dir of its own.
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A new browser context (no cookies) whose browser asks for <paramref name="locale"/>.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-GB")
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in page as the test user of <paramref name="role"/>.</summary>
    public static async Task SignInAsync(IPage page, string role, string? password = null)
    {
        if (!page.Url.Contains("/sign-in", StringComparison.Ordinal))
        {
            await page.GotoAsync("/sign-in");
        }
        await page.Locator("#Email").FillAsync($"{role}@{Host.Startup.DatabaseStartup.DemoDomain}");
        await page.Locator("#Password").FillAsync(password ?? AdvocacyApp.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
    }

    /// <summary>Saves the page to <c>artifacts/screenshots/&lt;language&gt;/&lt;name&gt;.png</c> (or under ADVOCACY_SCREENSHOTS).</summary>
    public static async Task ScreenshotAsync(IPage page, string language, string name)
    {
        var root = Environment.GetEnvironmentVariable("ADVOCACY_SCREENSHOTS") ?? Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(root, language, $"{name}.png"), FullPage = true });
    }

    // axe-core as Deque's package bundles it. Its RunAxe injected and configured axe on every call: over a second a
    // page here, where the check itself takes a tenth of that.
    private static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>The serious and critical accessibility violations axe finds on the page (every rule), one line each.</summary>
    public static async Task<List<string>> SeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            // Evaluated, not added as a script element: the pages' CSP allows no inline script.
            await page.EvaluateAsync(AxeScript.Value);
        }
        var violations = await page.EvaluateAsync<string[]>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`);
            }
            """);
        return [.. violations];
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Advocacy.sln")))
            {
                return directory.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        await ((IAsyncLifetime)App).DisposeAsync();
    }
}
