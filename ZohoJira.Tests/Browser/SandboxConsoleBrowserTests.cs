using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Browser;

/// <summary>The one-minute first run in Chromium, from an empty database (an app of its own): Set up the demo, create a
/// ticket and change its priority in the Zoho console, and watch the SUP issue follow in the Jira console; comment on the
/// issue in the Jira console and see the comment, private, on the ticket in the Zoho console; then a fault
/// switch makes the connector's Jira calls fail and the change still lands after the retry. With
/// <see cref="ScreenshotsVariable"/> set (build/screenshots.sh), the run also writes the README's pictures there.</summary>
public sealed class SandboxConsoleBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>The folder screenshots are written to; unset in normal runs, which write nothing.</summary>
    public const string ScreenshotsVariable = "ZOHOJIRA_SCREENSHOTS";

    private static readonly TimeSpan WithinSeconds = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task FirstRun_SetUpTheDemo_AChangeInTheZohoConsole_ReachesTheJiraConsole_AndAFaultIsRetried()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1400, 1000);
        await browser.SignInAsAdminAsync(page);

        // Set up the demo on the Overview of an empty database.
        await page.GotoAsync("/");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await ScreenshotAsync(page, "1-overview-set-up-the-demo");
        await page.ClickAsync("#demo-setup");
        await Assertions.Expect(page.Locator("#demo-steps")).ToContainTextAsync("Created", new() { Timeout = 30_000 });
        var itemHref = await page.Locator("#demo-item").GetAttributeAsync("href");

        // Tickets made from now on are newer than the item's auto-create baseline (the test's clock only moves by hand).
        browser.App.Time.Advance(TimeSpan.FromSeconds(2));

        // A new ticket in the Zoho console becomes a SUP issue.
        await page.ClickAsync("#nav-sandbox-console");
        await page.WaitForURLAsync(url => url.Contains("/sandbox/console/zoho", StringComparison.Ordinal));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.ClickAsync("#zoho-new");
        await page.FillAsync("#zoho-new-subject", "Printer on fire in the demo");
        await page.ClickAsync("#zoho-create");
        await Assertions.Expect(page.Locator("#zoho-result")).ToContainTextAsync("Ticket created");
        var counterpart = page.Locator("#sync-counterpart a.sync-counterpart-link");
        await Assertions.Expect(counterpart).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var key = (await counterpart.GetAttributeAsync("data-id"))!;
        key.Should().StartWith("SUP-");

        // Its priority changed by the agent follows to Jira within seconds.
        await page.Locator("div.zoho-field:has(#zoho-field-priority)").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "High", Exact = true }).ClickAsync();
        browser.App.Time.Advance(TimeSpan.FromSeconds(2)); // a later modifiedTime, as a real agent's later edit has
        await page.ClickAsync("#zoho-save");
        await Assertions.Expect(page.Locator("#zoho-result")).ToContainTextAsync("Saved");
        await Assertions.Expect(page.Locator("#sync-activity")).ToContainTextAsync("Applied", new() { Timeout = 30_000 });
        await ScreenshotAsync(page, "3-console-zoho");

        await counterpart.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/sandbox/console/jira", StringComparison.Ordinal));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#jira-issue")).ToHaveAttributeAsync("data-key", key);
        await Assertions.Expect(page.Locator("#jira-issue-priority")).ToHaveTextAsync("High", new() { Timeout = 30_000 });
        await ScreenshotAsync(page, "4-console-jira");

        // A comment written in the Jira console reaches the Zoho ticket as a private comment naming its author.
        await page.FillAsync("#jira-comment", "The fix ships on Friday");
        await page.ClickAsync("#jira-comment-add");
        await Assertions.Expect(page.Locator("#jira-comments")).ToContainTextAsync("The fix ships on Friday");
        await page.ClickAsync($"#open-{await TicketIdAsync(page, key)}");
        var mirrored = page.Locator("#zoho-comments li", new() { HasText = "The fix ships on Friday" });
        await Assertions.Expect(mirrored).ToContainTextAsync("Mia Krystof wrote:", new() { Timeout = 30_000 });
        await Assertions.Expect(mirrored).ToContainTextAsync("private");
        await Assertions.Expect(mirrored).ToHaveCountAsync(1);
        await page.GotoAsync($"/sandbox/console/jira?issue={key}");
        await BrowserFixture.WaitForInteractiveAsync(page);

        // Jira answers 503 to the connector's next calls; the change still lands once the connector retries.
        var faults = browser.App.Services.GetRequiredService<JiraSandboxFaults>();
        await page.ClickAsync("#fault-jira-5xx");
        await Assertions.Expect(page.Locator("#fault-jira-status")).ToContainTextAsync("Armed failures: 2");
        faults.PendingFailures.Should().Be(2);
        await page.GotoAsync("/sandbox/console/zoho");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.ClickAsync($"#open-{await TicketIdAsync(page, key)}");
        await page.Locator("div.zoho-field:has(#zoho-field-priority)").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Low", Exact = true }).ClickAsync();
        browser.App.Time.Advance(TimeSpan.FromSeconds(2));
        await page.ClickAsync("#zoho-save");
        await Assertions.Expect(page.Locator("#zoho-result")).ToContainTextAsync("Saved");
        await page.GotoAsync($"/sandbox/console/jira?issue={key}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#jira-issue-priority")).ToHaveTextAsync("Low", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#fault-jira-status")).ToContainTextAsync("Armed failures: 0");
        faults.PendingFailures.Should().Be(0, "the connector's calls met both failures and it retried until the change landed");

        // The rest of the README's pictures: the demo item in the wizard, the issue panel, the dashboard.
        if (Environment.GetEnvironmentVariable(ScreenshotsVariable) is { Length: > 0 })
        {
            await page.GotoAsync(itemHref!);
            await BrowserFixture.WaitForInteractiveAsync(page);
            await page.WaitForSelectorAsync("#wizard-name");
            await ScreenshotAsync(page, "2-wizard-demo-item");
            await page.SetViewportSizeAsync(480, 720); // the width Jira gives the panel
            await page.GotoAsync($"/panel/{key}");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await page.WaitForTimeoutAsync(1500);
            await ScreenshotAsync(page, "5-issue-panel");
            await page.SetViewportSizeAsync(1400, 1000);
            await page.GotoAsync("/");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await page.WaitForSelectorAsync("#overview-sync");
            await ScreenshotAsync(page, "6-dashboard");
        }
    }

    /// <summary>The Zoho ticket linked to the issue, read from the Jira console's sync panel.</summary>
    private static async Task<string> TicketIdAsync(IPage page, string key)
    {
        await page.GotoAsync($"/sandbox/console/jira?issue={key}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var link = page.Locator("#sync-counterpart a.sync-counterpart-link");
        await Assertions.Expect(link).ToBeVisibleAsync();
        var id = (await link.GetAttributeAsync("data-id"))!;
        await page.GotoAsync("/sandbox/console/zoho");
        await BrowserFixture.WaitForInteractiveAsync(page);
        return id;
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable(ScreenshotsVariable) is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.Locator("h1, h2, h3, h4, h5, h6").First.ScrollIntoViewIfNeededAsync(); // the top of the page
        await page.WaitForTimeoutAsync(500); // let transitions and the live refresh settle
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = false });
    }
}
