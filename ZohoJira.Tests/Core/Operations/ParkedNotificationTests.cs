using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Common;
using ZohoJira.Core.Operations;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Sandbox.Outbox;
using ZohoJira.Tests.Core.Sync.Work;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Operations;

/// <summary>Notices about parked work, delivered in the sandbox to its outbox: e-mail through the sandbox mailer and the
/// webhook over real HTTP to the sandbox's outbox endpoint.</summary>
public sealed class ParkedNotificationTests
{
    [Fact]
    public async Task Enabled_OneNoticePerRound_GroupedByCause_ByEmailAndWebhook_ThenNothingUntilMoreIsParked()
    {
        await using var app = new ZohoJiraAppFactory().With("Sync:Workers", "0")
            .With("Operations:ParkedNotifications:Enabled", "true")
            .With("Operations:ParkedNotifications:Interval", "01:00:00") // the test drives the rounds
            .With("Operations:ParkedNotifications:EmailTo", "ops@example.com; lead@example.com")
            .With("Operations:ParkedNotifications:WebhookUrl", "http://localhost" + SandboxOutbox.BasePath + "/webhook")
            .Start();
        var notifier = app.Services.GetRequiredService<ParkedNotifier>();
        var outbox = app.Services.GetRequiredService<SandboxOutbox>();
        (await notifier.NotifyAsync()).Should().Be(0, "nothing is parked");

        await ParkAsync(app, "n-1", "Jira rejected the transition: Resolution is required");
        await ParkAsync(app, "n-2", "Jira rejected the transition: Resolution is required");
        await ParkAsync(app, "n-3", "Zoho Desk refused the token", FailureCategory.Authentication);

        (await notifier.NotifyAsync()).Should().Be(3);

        outbox.Messages.Should().HaveCount(2);
        var mail = outbox.Messages.Single(m => m.Channel == "e-mail");
        mail.To.Should().Be("ops@example.com, lead@example.com");
        mail.Subject.Should().Be("ZohoJira: 3 changes are parked and need an admin");
        mail.Body.Should().Contain("- Jira rejected the transition: Resolution is required — 2 item(s)")
            .And.Contain("- Zoho Desk refused the token — 1 item(s) (reconnect the vendor on its connection page)")
            .And.Contain("http://localhost/admin/problems");
        var hook = outbox.Messages.Single(m => m.Channel == "webhook");
        hook.Subject.Should().Be(mail.Subject);
        hook.Body.Should().Contain("\"event\":\"work.parked\"").And.Contain("\"count\":3");

        (await notifier.NotifyAsync()).Should().Be(0, "everything parked so far was announced");
        app.Time.Advance(TimeSpan.FromSeconds(1));
        await ParkAsync(app, "n-4", "Jira rejected the transition: Resolution is required");
        (await notifier.NotifyAsync()).Should().Be(1);
        outbox.Messages.Where(m => m.Channel == "e-mail").Last().Subject.Should().Be("ZohoJira: 1 change is parked and needs an admin");
    }

    [Fact]
    public async Task AFailingWebhook_SendsNothingNow_AndTheNextRoundTriesAgain()
    {
        await using var app = new ZohoJiraAppFactory().With("Sync:Workers", "0")
            .With("Operations:ParkedNotifications:Enabled", "true")
            .With("Operations:ParkedNotifications:Interval", "01:00:00")
            .With("Operations:ParkedNotifications:WebhookUrl", "http://localhost/sandbox/outbox/no-such-endpoint")
            .Start();
        var notifier = app.Services.GetRequiredService<ParkedNotifier>();
        await ParkAsync(app, "f-1", "Jira said no");

        (await notifier.NotifyAsync()).Should().Be(0, "the webhook answered 404");

        await using var db = app.CreateDbContext();
        (await db.Set<ConnectorState>().AsNoTracking().SingleAsync()).ParkedNoticeThrough.Should().BeNull("the round gave its items back");
    }

    [Fact]
    public async Task OffByDefault_NoNotice()
    {
        await using var app = new ZohoJiraAppFactory().With("Sync:Workers", "0")
            .With("Operations:ParkedNotifications:EmailTo", "ops@example.com")
            .Start();
        await ParkAsync(app, "off-1", "Jira said no");

        (await app.Services.GetRequiredService<ParkedNotifier>().NotifyAsync()).Should().Be(0);
        app.Services.GetRequiredService<SandboxOutbox>().Messages.Should().BeEmpty();
    }

    private static async Task ParkAsync(ZohoJiraAppFactory app, string key, string message, FailureCategory category = FailureCategory.Validation)
    {
        var work = await app.Queue().EnqueueAsync(WorkTestSupport.Request(key, kind: "notice-probe"));
        await using var db = app.CreateDbContext();
        await db.WorkItems.Where(w => w.Id == work.Id).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.Status, WorkItemStatus.Parked)
            .SetProperty(w => w.LastFailureMessage, message)
            .SetProperty(w => w.LastFailureCategory, category)
            .SetProperty(w => w.UpdatedAt, app.Now()));
    }
}
