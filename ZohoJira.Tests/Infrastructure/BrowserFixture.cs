using Microsoft.Playwright;
using ZohoJira.Web.Security;

namespace ZohoJira.Tests.Infrastructure;

/// <summary>One app on a real loopback port and one headless Chromium (Debian's /usr/bin/chromium) for the browser tests.
/// Tests share them; each test opens its own browser context (own cookies) through <see cref="NewPageAsync"/>. A class
/// that needs an app of its own (its own settings, connections) derives a fixture and passes its settings.</summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserFixture()
        : this(app => app)
    {
    }

    protected BrowserFixture(Func<ZohoJiraAppFactory, ZohoJiraAppFactory> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        App = configure(new ZohoJiraAppFactory()).UseRealPort();
    }

    public ZohoJiraAppFactory App { get; }

    public string BaseUrl => App.BaseUrl!;

    public virtual async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}. Install it with 'apt-get install -y chromium' (the README's test command does this).");
        }

        App.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>A page in a fresh browser context (no cookies), with the app as base URL.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public Task SignInAsAdminAsync(IPage page) => SignInAsync(page, DemoAccounts.Admin.UserName, DemoAccounts.Admin.Password);

    public Task SignInAsUserAsync(IPage page) => SignInAsync(page, DemoAccounts.User.UserName, DemoAccounts.User.Password);

    /// <summary>Signs in through the real form and waits until the interactive circuit is up.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        // The first page after signing in renders the Overview with its dashboard: allow a busy 2-core machine longer.
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 45_000 });
        await WaitForInteractiveAsync(page);
    }

    /// <summary>Waits until the page's layout re-rendered over the interactive circuit (the prerendered HTML says false),
    /// so clicks reach the server. Fails if the Blazor client script is missing or broken.</summary>
    public static async Task WaitForInteractiveAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForSelectorAsync("[data-interactive='true']");
    }

    public virtual async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
