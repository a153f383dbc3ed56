using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZohoJira.Core.Connections;
using ZohoJira.Sandbox.ZohoDesk;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Browser;

/// <summary>An admin connects Zoho Desk to the sandbox in Chromium: generate a code, connect, see the summary, revoke,
/// reconnect; and one page visit (prerender plus circuit) asks Zoho only once. The form's other behaviour is covered by
/// the bUnit tests in Components/Admin.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ZohoConnectionPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task ConnectWithGeneratedCode_ShowsSummary_RevokeThenReconnect()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsAdminAsync(page);
        await page.GotoAsync("/admin/connections/zoho");
        await BrowserFixture.WaitForInteractiveAsync(page);

        if (await page.Locator("#zoho-summary").IsVisibleAsync())
        {
            await RevokeAsync(page);
        }

        (await page.Locator("#zoho-scopes-text").InnerTextAsync()).Should().Contain("Desk.tickets.UPDATE").And.Contain("Desk.webhooks.CREATE");
        await ConnectWithGeneratedCodeAsync(page);

        var summary = page.Locator("#zoho-summary");
        (await page.Locator("#zoho-summary-dc").InnerTextAsync()).Should().Be("sandbox");
        (await page.Locator("#zoho-summary-org").InnerTextAsync()).Should().Contain("Zylker Demo (sandbox)");
        (await page.Locator("#zoho-summary-health").InnerTextAsync()).Should().StartWith("Healthy");
        (await summary.InnerTextAsync()).Should().NotContain(ZohoSandboxAccounts.ClientSecret);
        await page.ClickAsync("#zoho-webhook-subscribe");
        await page.Locator("#zoho-webhook-state:has-text('Subscribed')").WaitForAsync();

        await RevokeAsync(page);
        await page.Locator("#zoho-disconnected-note").WaitForAsync();

        await ConnectWithGeneratedCodeAsync(page);
        (await page.Locator("#zoho-summary-org").InnerTextAsync()).Should().Contain("Zylker Demo (sandbox)");
        (await page.Locator("#zoho-webhook-state").InnerTextAsync()).Should().Contain("Not subscribed", "revoking removed the subscription");
    }

    [Fact]
    public async Task ConnectedPage_AsksZohoForWebhooksOncePerVisit()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsAdminAsync(page);
        if (!(await browser.App.Services.GetRequiredService<ZohoConnectionService>().GetStatusAsync()).IsConnected)
        {
            await ZohoSandboxConnection.ConnectAsync(browser.App);
        }

        using var requests = new OutboundRequestLog(browser.BaseUrl);
        await page.GotoAsync("/admin/connections/zoho");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#zoho-webhook-state")).ToBeVisibleAsync();

        requests.Count(HttpMethod.Get, "/api/v1/webhooks").Should().Be(1, "one visit lists the webhooks once, not once per render");
    }

    [Fact]
    public async Task ChoosingAnOrganization_AsksZohoForOrganizationsOncePerVisit()
    {
        var state = browser.App.Services.GetRequiredService<ZohoSandboxState>();
        lock (state.Gate)
        {
            var other = ZohoSandboxRecordEndpoints.Organization(state);
            other["id"] = "70899998";
            other["companyName"] = "A second portal";
            other["isDefault"] = false;
            state.ExtraOrganizations.Add(other);
        }

        var connections = browser.App.Services.GetRequiredService<ZohoConnectionService>();
        try
        {
            var page = await browser.NewPageAsync();
            await browser.SignInAsAdminAsync(page);
            var code = browser.App.Services.GetRequiredService<ZohoSandboxAccounts>().GenerateCode();
            (await connections.ConnectAsync(new ZohoConnectRequest("sandbox", code.ClientId, code.ClientSecret, code.Code)))
                .AwaitingOrganization.Should().BeTrue();

            using var requests = new OutboundRequestLog(browser.BaseUrl);
            await page.GotoAsync("/admin/connections/zoho");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.Locator("#zoho-org-picker")).ToBeVisibleAsync();

            requests.Count(HttpMethod.Get, "/api/v1/organizations").Should().Be(1, "the prerender's list is handed to the circuit");
        }
        finally
        {
            lock (state.Gate)
            {
                state.ExtraOrganizations.Clear();
            }

            if ((await connections.GetStatusAsync()).AwaitingOrganization)
            {
                await connections.SelectOrganizationAsync(ZohoSandboxState.OrgId);
            }
        }
    }

    private static async Task ConnectWithGeneratedCodeAsync(IPage page)
    {
        await page.ClickAsync("#zoho-generate-code");
        await Assertions.Expect(page.Locator("#zoho-code")).Not.ToHaveValueAsync(string.Empty);
        await page.ClickAsync("#zoho-connect");
        await page.Locator("#zoho-summary").WaitForAsync();
    }

    private static async Task RevokeAsync(IPage page)
    {
        await page.ClickAsync("#zoho-revoke");
        await page.ClickAsync(".mud-dialog button:has-text('Revoke')");
        await page.Locator("#zoho-connect-card").WaitForAsync();
    }
}
