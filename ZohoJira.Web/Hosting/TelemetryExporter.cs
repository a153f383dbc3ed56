using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ZohoJira.Web.Hosting;

/// <summary>Exports the traces and metrics ASP.NET Core, HttpClient, EF Core and Quartz already emit, plus ZohoJira's own,
/// to an OTLP collector. Built with the SDK's provider builders (the hosting extensions package is not available here).</summary>
public sealed class TelemetryExporter(IOptions<TelemetryOptions> options) : IHostedService, IDisposable
{
    /// <summary>The activity source and meter name ZohoJira code uses for its own spans and instruments.</summary>
    public const string SourceName = "ZohoJira";

    private TracerProvider? _tracing;
    private MeterProvider? _metrics;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.OtlpEndpoint))
        {
            return Task.CompletedTask;
        }

        var endpoint = o.OtlpEndpoint.TrimEnd('/');
        var resource = ResourceBuilder.CreateDefault().AddService(o.ServiceName);
        _tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(SourceName, "Microsoft.AspNetCore", "System.Net.Http", "Quartz", "Npgsql")
            .AddOtlpExporter(e =>
            {
                e.Protocol = OtlpExportProtocol.HttpProtobuf;
                e.Endpoint = new Uri($"{endpoint}/v1/traces");
            })
            .Build();
        _metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(SourceName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections",
                "Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Components.Server.Circuits", "System.Net.Http",
                "Microsoft.EntityFrameworkCore", "Quartz", "Npgsql")
            .AddOtlpExporter((e, reader) =>
            {
                e.Protocol = OtlpExportProtocol.HttpProtobuf;
                e.Endpoint = new Uri($"{endpoint}/v1/metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = o.MetricExportIntervalMilliseconds;
            })
            .Build();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _metrics?.ForceFlush(5_000);
        _tracing?.ForceFlush(5_000);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _metrics?.Dispose();
        _tracing?.Dispose();
    }
}
