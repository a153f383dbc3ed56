using Microsoft.Playwright;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Browser;

/// <summary>With the security headers on, the pages still work in a real browser and break no rule of the policy.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser)
{
    [Fact]
    public async Task AdminPage_IsInteractive_WithoutAnyPolicyViolation()
    {
        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(message.Text);
            }
        };
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");

        await browser.SignInAsAdminAsync(page);
        var response = await page.GotoAsync("/admin/users");
        (await response!.HeaderValueAsync("content-security-policy")).Should().Contain("script-src 'self'");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.FillAsync("#new-username", "csp-checked");
        await page.FillAsync("#new-password", "csp-checked-pass");
        await page.ClickAsync("#add-user");
        await Assertions.Expect(page.Locator("#users-grid")).ToContainTextAsync("csp-checked");

        problems.Should().BeEmpty();
    }
}
