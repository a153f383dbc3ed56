using System.Text.Json.Nodes;
using ZohoJira.Core.Common;
using ZohoJira.Core.Zoho.Models;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Zoho;

public sealed class ZohoDeskClientTimeoutTests
{
    [Fact]
    public async Task SlowZoho_ReadsAndWrites_EndAsTimeoutFailures()
    {
        await using var app = new ZohoJiraAppFactory()
            .With("Zoho:Resilience:AttemptTimeout", "00:00:00.200")
            .With("Zoho:Resilience:BaseDelay", "00:00:00.010")
            .With("Zoho:Resilience:MaxRetries", "2");
        var client = await ZohoSandboxConnection.ConnectAsync(app);
        var ticket = app.State().Records["tickets"].Keys.First();
        app.Faults().AddLatency(TimeSpan.FromMilliseconds(600));

        var read = () => client.GetRecordAsync(ZohoModule.Tickets, ticket);
        var write = () => client.UpdateRecordAsync(ZohoModule.Tickets, ticket, new JsonObject { ["priority"] = "Low" });

        var readError = (await read.Should().ThrowAsync<ExternalApiException>()).Which;
        readError.Category.Should().Be(FailureCategory.Timeout);
        (await write.Should().ThrowAsync<ExternalApiException>()).Which.Category.Should().Be(FailureCategory.Timeout);
        app.Faults().Reset();
        (await client.GetRecordAsync(ZohoModule.Tickets, ticket)).Should().NotBeNull("Zoho answers again once it is fast");
    }
}
