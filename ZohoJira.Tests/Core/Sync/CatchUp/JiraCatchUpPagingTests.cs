using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.CatchUp;
using ZohoJira.Core.Sync.JiraToZoho;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Tests.Core.SmartItems;
using ZohoJira.Tests.Core.Sync.JiraToZoho;
using ZohoJira.Tests.Core.Sync.Work;
using ZohoJira.Tests.Core.Sync.ZohoToJira;
using ZohoJira.Tests.Core.Zoho;
using static ZohoJira.Tests.Core.Sync.ZohoToJira.SyncApp;

namespace ZohoJira.Tests.Core.Sync.CatchUp;

/// <summary>The Jira catch-up with an app of its own: a backlog over several search pages (and over the cycle's page
/// budget) goes on from the stored page token; a site whose items are all one-way is never searched.</summary>
public sealed class JiraCatchUpPagingTests
{
    /// <summary>A <see cref="SyncApp"/> of its own with these settings (the caller disposes it).</summary>
    private static async Task<SyncApp> StartAsync(params (string Key, string Value)[] settings)
    {
        var sync = new SyncApp();
        foreach (var (key, value) in settings)
        {
            sync.App.With(key, value);
        }

        await sync.InitializeAsync();
        return sync;
    }

    [Fact]
    public async Task Backlog_OverSeveralPages_GoesOnFromTheStoredPageToken()
    {
        var sync = await StartAsync(("Sync:JiraCatchUpPageSize", "2"), ("Sync:CatchUpMaxPages", "2"));
        await using var disposing = sync.App;
        var app = sync.App;
        var itemId = await sync.CreateItemAsync(Item(SyncMode.TwoWay, new FieldMapping { JiraFieldId = "summary", ZohoField = "subject" }));
        var links = new List<ZohoJira.Core.Links.Link>();
        for (var i = 0; i < 5; i++)
        {
            links.Add(await sync.LinkAsync(itemId, await sync.CreateIssueAsync($"Issue {i}"), sync.AddTicket(new JsonObject { ["subject"] = $"Issue {i}" })));
        }

        var catchUp = app.Services.GetRequiredService<JiraCatchUpService>();
        await catchUp.RunCycleAsync(); // The creations: 2 pages of the 3.
        await catchUp.RunCycleAsync();
        await using (var db = app.CreateDbContext())
        {
            await db.WorkItems.ExecuteDeleteAsync();
        }

        app.Time.Advance(TimeSpan.FromMinutes(10));
        var user = sync.UserJira();
        foreach (var link in links)
        {
            await user.EditIssueAsync(link.JiraIssueKey, new JsonObject { ["summary"] = $"Edited {link.JiraIssueKey}" });
            app.Time.Advance(TimeSpan.FromSeconds(1));
        }

        using var counter = new SandboxRequestCounter(app.State());
        var first = await catchUp.RunCycleAsync();

        first.IssuesRead.Should().Be(4, "two pages of two");
        counter.Count($"{JiraSandboxAccounts.SitePath}/rest/api/3/search/jql").Should().Be(2, "the cycle's page budget");
        await using (var db = app.CreateDbContext())
        {
            var cursor = await db.JiraSyncCursors.SingleAsync();
            cursor.Continuation.Should().NotBeNull("the window was not read to its end");
            cursor.Query.Should().StartWith("project in (SUP) AND updated >= ");
            (await db.WorkItems.CountAsync()).Should().Be(4);
        }

        var second = await catchUp.RunCycleAsync();

        second.IssuesRead.Should().Be(1);
        await using (var db = app.CreateDbContext())
        {
            (await db.WorkItems.Where(w => w.Kind == JiraPushWork.Kind).Select(w => w.LinkId).Distinct().CountAsync()).Should().Be(5, "every edited issue once");
            var cursor = await db.JiraSyncCursors.SingleAsync();
            cursor.Continuation.Should().BeNull();
            cursor.Query.Should().BeNull();
            cursor.UpdatedSince.Should().Be(app.Now().AddSeconds(-1), "the last edit");
        }

        (await catchUp.RunCycleAsync()).IssuesRead.Should().Be(0, "the overlap is read again but nothing in it moved");
    }

    [Fact]
    public async Task OneWayItemsOnly_JiraIsNotSearched()
    {
        var sync = await StartAsync();
        await using var disposing = sync.App;
        var app = sync.App;
        var itemId = await sync.CreateItemAsync(Item(SyncMode.OneWay, new FieldMapping { JiraFieldId = "summary", ZohoField = "subject" }));
        await sync.LinkAsync(itemId, await sync.CreateIssueAsync(), sync.AddTicket(new JsonObject { ["subject"] = "One-way" }));
        using var counter = new SandboxRequestCounter(app.State());

        var result = await app.Services.GetRequiredService<JiraCatchUpService>().RunCycleAsync();

        result.Should().BeEquivalentTo(new { Projects = Array.Empty<string>(), JiraCalls = 0, WorkEnqueued = 0, Error = (string?)null });
        counter.Count(JiraSandboxAccounts.SitePath).Should().Be(0);
    }
}
