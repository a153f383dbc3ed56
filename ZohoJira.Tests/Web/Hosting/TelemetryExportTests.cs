using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Web.Hosting;

public sealed class TelemetryExportTests
{
    [Fact]
    public async Task WithAnOtlpEndpoint_TracesMetricsAndLogsReachTheCollector()
    {
        var received = new ConcurrentQueue<(string Path, string ContentType, long Length)>();
        var port = LoopbackPort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            received.Enqueue((context.Request.Path.Value!, context.Request.ContentType ?? string.Empty, buffer.Length));
            return Results.Ok();
        });
        await collector.StartAsync();

        await using (var app = new ZohoJiraAppFactory()
            .With("Telemetry:OtlpEndpoint", $"http://127.0.0.1:{port}")
            .With("Telemetry:MetricExportIntervalMilliseconds", "300")
            .With("Logging:LogLevel:Default", "Information")
            .UseRealPort() // the exporters take their HttpClients from the factory: they must reach the real collector
            .Start())
        {
            using var client = app.CreateClient();
            for (var i = 0; i < 3; i++)
            {
                (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
            }

            for (var i = 0; i < 50 && !received.Any(r => r.Path == "/v1/metrics"); i++)
            {
                await Task.Delay(100);
            }
        }

        // Metrics arrive on their interval; spans and log records at the latest when the app stops and flushes them. The
        // collector may still be reading a flushed batch when the app has stopped, so give it a moment on a busy machine.
        var signals = new[] { "metrics", "traces", "logs" };
        for (var i = 0; i < 100 && !signals.All(s => received.Any(r => r.Path == $"/v1/{s}")); i++)
        {
            await Task.Delay(100);
        }

        foreach (var signal in signals)
        {
            received.Should().Contain(r => r.Path == $"/v1/{signal}" && r.ContentType.Contains("protobuf") && r.Length > 0, $"{signal} are exported");
        }
        await collector.StopAsync();
    }

    [Fact]
    public async Task WithoutAnOtlpEndpoint_NothingIsRegistered()
    {
        await using var app = new ZohoJiraAppFactory().Start();

        app.Services.GetService<OpenTelemetry.Trace.TracerProvider>().Should().BeNull();
        app.Services.GetService<OpenTelemetry.Metrics.MeterProvider>().Should().BeNull();
    }
}
