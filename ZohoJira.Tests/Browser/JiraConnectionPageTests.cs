using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class JiraConnectionPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_ConnectsTheSandboxSite_RegistersTheWebhook_AndSeesTheLastEvent()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsAdminAsync(page);
        await page.GotoAsync("/admin/connections/jira");
        await BrowserFixture.WaitForInteractiveAsync(page);

        var sandboxSite = browser.BaseUrl + JiraSandboxAccounts.SitePath;
        await Assertions.Expect(page.Locator("#jira-sandbox-site")).ToHaveTextAsync(sandboxSite);
        await Assertions.Expect(page.Locator("#jira-sandbox-token")).ToHaveTextAsync(JiraSandboxAccounts.ConnectorApiToken);

        await page.ClickAsync("#jira-use-sandbox");
        await Assertions.Expect(page.Locator("#jira-site")).ToHaveValueAsync(sandboxSite);
        await page.ClickAsync("#jira-test");
        await Assertions.Expect(page.Locator("#jira-test-result")).ToContainTextAsync("ZohoJira Connector");
        await Assertions.Expect(page.Locator("#jira-test-result")).ToContainTextAsync(JiraSandboxAccounts.ConnectorAccountId);

        await page.ClickAsync("#jira-save");
        await Assertions.Expect(page.Locator("#jira-status-account")).ToContainTextAsync("ZohoJira Connector");
        await Assertions.Expect(page.Locator("#jira-token")).ToHaveValueAsync(string.Empty);
        await using (var db = browser.App.CreateDbContext())
        {
            (await db.JiraConnections.SingleAsync()).AccountId.Should().Be(JiraSandboxAccounts.ConnectorAccountId);
        }

        await page.ClickAsync("#jira-register-webhook");
        await Assertions.Expect(page.Locator("#jira-webhook-state")).ToContainTextAsync(JiraWebhookStates.Registered);
        await Assertions.Expect(page.Locator("#jira-last-event")).ToHaveTextAsync("none yet");

        // A Jira user comments on an issue; the simulated site calls the app's webhook over the real port.
        var user = browser.App.Services.GetRequiredService<IJiraClientFactory>()
            .Create(new JiraSite(new Uri(sandboxSite), JiraSandboxAccounts.UserEmail, JiraSandboxAccounts.UserApiToken));
        await user.AddCommentAsync("SUP-1", new JsonObject
        {
            ["type"] = "doc",
            ["version"] = 1,
            ["content"] = new JsonArray(new JsonObject
            {
                ["type"] = "paragraph",
                ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "Seen from the browser test" }),
            }),
        });
        await browser.App.Services.GetRequiredService<JiraSandboxWebhooks>().WaitForIdleAsync(TimeSpan.FromSeconds(20));

        await page.ClickAsync("#jira-refresh");
        await Assertions.Expect(page.Locator("#jira-last-event")).Not.ToHaveTextAsync("none yet");
    }
}
