using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Jira.Webhooks;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Sandbox.SandboxConsole;
using ZohoJira.Sandbox.ZohoDesk;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Web.Sandbox.Console;

/// <summary>The console acts through the simulators' own endpoints: the change lands, the vendor's webhook is sent as for
/// an HTTP change, the Jira side acts as the human user, and faults armed for the connector are left for the connector.</summary>
public sealed class SandboxConsoleTests(SandboxAppFixture sandbox) : IClassFixture<SandboxAppFixture>, IAsyncLifetime
{
    private IServiceProvider Services => sandbox.App.Services;

    private ZohoConsole Zoho => Services.GetRequiredService<ZohoConsole>();

    private JiraConsole Jira => Services.GetRequiredService<JiraConsole>();

    private ZohoSandboxState ZohoState => Services.GetRequiredService<ZohoSandboxState>();

    private JiraSandboxState JiraState => Services.GetRequiredService<JiraSandboxState>();

    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private string AnyTicket() => Zoho.List("tickets").First(r => r.Priority != "High").Id;

    [Fact]
    public async Task ZohoUpdate_ChangesTheTicketAndSendsZohosWebhook_WithoutSpendingArmedFaultsOrCredits()
    {
        var ticket = AnyTicket();
        lock (ZohoState.Gate)
        {
            ZohoState.Webhooks["console-test"] = new JsonObject
            {
                ["id"] = "console-test",
                ["url"] = "http://localhost/console-test-receiver",
                ["isEnabled"] = true,
                ["subscriptions"] = new JsonObject { ["Ticket_Update"] = null },
            };
        }

        var faults = Services.GetRequiredService<ZohoSandboxFaults>();
        faults.FailNext(1, 500);
        var calls = ZohoState.ApiCalls;
        try
        {
            var answer = await Zoho.UpdateAsync("tickets", ticket, new Dictionary<string, string?> { ["priority"] = "High", ["cf_severity"] = "S1" });

            answer.Succeeded.Should().BeTrue(answer.Error);
            var record = await Zoho.GetAsync("tickets", ticket);
            record!["priority"]!.GetValue<string>().Should().Be("High");
            record["cf"]!["cf_severity"]!.GetValue<string>().Should().Be("S1");
            var webhooks = Services.GetRequiredService<ZohoSandboxWebhookDispatcher>();
            await webhooks.WhenIdleAsync();
            webhooks.LastDelivery!.Body.Should().Contain("Ticket_Update").And.Contain(ticket).And.Contain("High");
            faults.PendingFailures.Should().Be(1, "the failure was armed for the connector, not for the person in the console");
            ZohoState.ApiCalls.Should().Be(calls, "console calls are not the connector's calls");
        }
        finally
        {
            lock (ZohoState.Gate)
            {
                ZohoState.Webhooks.Remove("console-test");
            }
        }
    }

    [Fact]
    public async Task ZohoRefusal_ComesBackInTheVendorsWords()
    {
        var answer = await Zoho.UpdateAsync("tickets", AnyTicket(), new Dictionary<string, string?> { ["ticketNumber"] = "1" });

        answer.Succeeded.Should().BeFalse();
        answer.Status.Should().Be(422);
        answer.Error.Should().Contain("ticketNumber cannot be changed");
        Services.GetRequiredService<SandboxConsoleJournal>().Recent(1).Single().Succeeded.Should().BeFalse();
    }

    [Fact]
    public async Task ZohoCreateCommentAttachAndTrash_EachLandInTheOrganization()
    {
        var department = Zoho.Departments()[0].Value;
        var created = await Zoho.CreateTicketAsync("Console-made ticket", department, "Medium", "From the console", "Newcomer");
        created.Succeeded.Should().BeTrue(created.Error);
        var id = created.Body!["id"]!.GetValue<string>();
        Zoho.List("tickets").Should().Contain(r => r.Id == id && r.Title == "Console-made ticket");

        (await Zoho.CommentAsync(id, "Seen by the console", isPublic: false)).Succeeded.Should().BeTrue();
        Zoho.Comments(id).Should().ContainSingle(c => c["content"]!.GetValue<string>() == "Seen by the console" && !c["isPublic"]!.GetValue<bool>());

        await using (var file = new SandboxGeneratedStream(7, 50_000))
        {
            (await Zoho.AttachAsync(id, "generated.bin", file, isPublic: false)).Succeeded.Should().BeTrue();
        }

        Zoho.Attachments(id).Should().ContainSingle(a => a.Name == "generated.bin" && a.Size == 50_000);

        await using (var big = new SandboxGeneratedStream(8, ZohoSandboxChildEndpoints.MaxUploadBytes + 1))
        {
            var refused = await Zoho.AttachAsync(id, "too-big.bin", big, isPublic: false);
            refused.Status.Should().Be(413, "a generated file over Zoho's limit tries the limit");
        }

        (await Zoho.DeleteTicketAsync(id)).Succeeded.Should().BeTrue();
        Zoho.List("tickets").Should().NotContain(r => r.Id == id);
    }

    [Fact]
    public async Task JiraChanges_AreMadeAsTheHumanUser_AndFireTheSitesWebhooks()
    {
        JiraState.EnsureSeeded();
        lock (JiraState.Gate)
        {
            JiraState.Webhooks.Add(new SimWebhook
            {
                Id = JiraState.NextWebhookId(),
                Name = "console test",
                Url = "http://localhost/console-test-jira-receiver",
                Events = [JiraWebhookEvents.IssueUpdated, JiraWebhookEvents.CommentCreated],
                Owner = JiraState.Accounts[0],
            });
        }

        var key = Jira.List("SUP")[0].Key;
        var priority = Jira.EditFields(key).Single(f => f.Id == "priority");
        var other = priority.Choices.First(c => c.Id != priority.Current);

        var edited = await Jira.EditAsync(key, new Dictionary<string, JsonNode?> { ["priority"] = JiraConsole.ToValue(priority, other.Id) });
        var commented = await Jira.CommentAsync(key, "First line\n**Looks urgent**");

        edited.Succeeded.Should().BeTrue(edited.Error);
        commented.Succeeded.Should().BeTrue(commented.Error);
        Jira.Value(key, "priority").Should().Be(other.Label);
        Jira.Comments(key)[0].Should().Match<(string Author, DateTimeOffset Created, string Text)>(c => c.Author == "Mia Krystof" && c.Text.Contains("Looks urgent"));
        var webhooks = Services.GetRequiredService<JiraSandboxWebhooks>();
        await webhooks.WaitForIdleAsync(TimeSpan.FromSeconds(10));
        webhooks.Recent.Select(r => r.EventType).Should().Contain([JiraWebhookEvents.IssueUpdated, JiraWebhookEvents.CommentCreated]);
    }

    [Fact]
    public async Task JiraTransition_AsksForItsRequiredFields_AndGoesThroughOnceGiven()
    {
        var key = Jira.List("SUP").First(i => i.Status != "Resolved").Key;
        var resolve = Jira.Transitions(key).Single(t => t.Name == "Resolve");
        var resolution = resolve.Fields.Single(f => f.Id == "resolution");
        resolution.Required.Should().BeTrue();

        var refused = await Jira.TransitionAsync(key, resolve.Id, new Dictionary<string, JsonNode?>());
        refused.Succeeded.Should().BeFalse();
        refused.Error.Should().Contain("resolution");

        var done = await Jira.TransitionAsync(key, resolve.Id, new Dictionary<string, JsonNode?> { ["resolution"] = JiraConsole.ToValue(resolution, resolution.Choices[0].Id) });
        done.Succeeded.Should().BeTrue(done.Error);
        Jira.Value(key, "status").Should().Be("Resolved");
    }

    [Fact]
    public async Task JiraCreate_FromTheCreateScreensFields_MakesAnIssueReportedByTheUser()
    {
        var type = Jira.IssueTypes("SUP").Single(t => t.Label == "Task").Id;
        var fields = Jira.CreateFields("SUP", type);
        fields.Should().Contain(f => f.Id == "summary" && f.Required);

        var answer = await Jira.CreateAsync("SUP", type, new Dictionary<string, JsonNode?>
        {
            ["summary"] = JsonValue.Create("Made in the console"),
            ["description"] = JiraConsole.Document("Two\nparagraphs"),
        });

        answer.Succeeded.Should().BeTrue(answer.Error);
        var key = answer.Body!["key"]!.GetValue<string>();
        Jira.Label(key).Should().Be($"{key} Made in the console");
        lock (JiraState.Gate)
        {
            JiraState.FindIssue(key)!.Reporter.Email.Should().Be(JiraSandboxAccounts.UserEmail);
        }
    }

    [Fact]
    public void FaultSwitches_ArmTheSimulatorsOwnFaults()
    {
        var switches = Services.GetRequiredService<SandboxFaultSwitches>();
        switches.FailNext(ConsoleSide.Jira, 2, 503);
        switches.FailNext(ConsoleSide.Zoho, 3, 429);
        switches.SetLatency(ConsoleSide.Zoho, TimeSpan.FromSeconds(2));

        Services.GetRequiredService<JiraSandboxFaults>().PendingFailures.Should().Be(2);
        Services.GetRequiredService<ZohoSandboxFaults>().PendingFailures.Should().Be(3);
        switches.Status(ConsoleSide.Zoho).Should().Be(new FaultStatus(TimeSpan.FromSeconds(2), 3));

        switches.Reset(ConsoleSide.Zoho);
        switches.Status(ConsoleSide.Zoho).Should().Be(new FaultStatus(TimeSpan.Zero, 0));
        switches.Status(ConsoleSide.Jira).PendingFailures.Should().Be(2);
    }
}
