using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Common;
using ZohoJira.Core.Operations;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Zoho.Models;
using ZohoJira.Tests.Core.Sync.Work;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Web.Operations;

/// <summary>The connector's own instruments reach an OTLP collector under their documented names (the pattern of
/// <c>TelemetryExportTests</c>: a real collector endpoint on a loopback port, the app exporting every 300 ms).</summary>
public sealed class OperationsMetricsExportTests
{
    private static readonly string[] Names =
    [
        SyncMetrics.QueueDepth, SyncMetrics.OldestWaitingAge, SyncMetrics.ConnectorPaused, SyncMetrics.Applied,
        SyncMetrics.Failed, SyncMetrics.Parked, SyncMetrics.Latency, SyncMetrics.VendorCalls, SyncMetrics.VendorRateLimited,
    ];

    [Fact]
    public async Task WithAnOtlpEndpoint_TheSyncAndVendorInstrumentsAreExportedByName()
    {
        var bodies = new ConcurrentQueue<byte[]>();
        var port = LoopbackPort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (HttpContext context, string signal) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            if (signal == "metrics")
            {
                bodies.Enqueue(buffer.ToArray());
            }

            return Results.Ok();
        });
        await collector.StartAsync();

        await using (var app = new ZohoJiraAppFactory()
            .With("Telemetry:OtlpEndpoint", $"http://127.0.0.1:{port}")
            .With("Telemetry:MetricExportIntervalMilliseconds", "300")
            .With("Sync:Workers", "0")
            .UseRealPort()
            .Start())
        {
            var worker = app.Processor(
                DelegateHandler.Succeeding("export-ok"),
                new DelegateHandler("export-bad", (_, _) => Task.FromResult(WorkOutcome.Failed(FailureCategory.Validation, "no"))));
            await app.Queue().EnqueueAsync(WorkTestSupport.Request("export-1", kind: "export-ok") with { ReceivedAt = app.Now() });
            await app.Queue().EnqueueAsync(WorkTestSupport.Request("export-2", kind: "export-bad"));
            (await worker.DrainAsync()).Should().Be(2);
            var zoho = await ZohoSandboxConnection.ConnectAsync(app);
            var tally = app.Services.GetRequiredService<VendorCallTally>();
            for (var i = 0; i < 3 && tally.Since(VendorCallTally.ZohoDesk, app.Now().AddHours(-1)).RateLimited == 0; i++)
            {
                // The armed 429 goes to the next Desk call, whichever part of the app makes it.
                app.Faults().RateLimitNext(1, TimeSpan.FromMilliseconds(10));
                await zoho.GetRecordAsync(ZohoModule.Tickets, app.State().Records["tickets"].Keys.First());
            }

            tally.Since(VendorCallTally.ZohoDesk, app.Now().AddHours(-1)).RateLimited.Should().BeGreaterThan(0);

            for (var i = 0; i < 100 && !Names.All(n => Exported(bodies, n)); i++)
            {
                await Task.Delay(100);
            }
        }

        await collector.StopAsync();
        Names.Where(n => !Exported(bodies, n)).Should().BeEmpty("every documented instrument is exported");
    }

    private static bool Exported(IEnumerable<byte[]> bodies, string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        return bodies.Any(b => b.AsSpan().IndexOf(bytes) >= 0);
    }
}
