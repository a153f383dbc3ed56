using ZohoJira.Web.Components.Admin.Scheduler;
using ZohoJira.Web.Jobs;

namespace ZohoJira.Tests.Components.Admin;

public sealed class SchedulerPageTests(ComponentAppFixture fixture) : IClassFixture<ComponentAppFixture>
{
    [Fact]
    public async Task ListsEveryJob_WithItsNextRun_AndNoRunYet()
    {
        await using var host = new ComponentHost(fixture.App);
        var page = host.Render<SchedulerPage>();

        page.WaitForAssertion(() => page.Find("#jobs-grid").TextContent.Should().Contain("Prune activity"));
        page.Find($"[data-testid='last-run-{PruneActivityJob.Name}']").TextContent.Should().Contain("Not run yet");
        page.Find($"#run-{PruneActivityJob.Name}").TextContent.Should().Contain("Run now");
    }
}
