using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ZohoJira.Web.Hosting;

/// <summary>Exports traces, metrics and logs to an OTLP collector over HTTP with the OpenTelemetry hosting
/// integration: ASP.NET Core and HttpClient instrumentation, the sources EF Core, Npgsql and Quartz emit themselves, and
/// ZohoJira's own. Nothing is registered while <see cref="TelemetryOptions.OtlpEndpoint"/> is empty.</summary>
public static class TelemetryExporter
{
    /// <summary>The activity source and meter name ZohoJira code uses for its own spans and instruments.</summary>
    public const string SourceName = "ZohoJira";

    private static readonly string[] ActivitySources = [SourceName, "Quartz", "Npgsql"];

    private static readonly string[] Meters =
    [
        SourceName, "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Components.Server.Circuits", "Microsoft.EntityFrameworkCore", "Quartz", "Npgsql",
    ];

    /// <summary>Adds OpenTelemetry with OTLP/HTTP export when the <c>Telemetry</c> section names a collector.</summary>
    public static IServiceCollection AddTelemetryExport(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<TelemetryOptions>(configuration.GetSection(TelemetryOptions.SectionName));
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            return services;
        }

        var endpoint = options.OtlpEndpoint.TrimEnd('/');
        void Otlp(OtlpExporterOptions e, string signal)
        {
            e.Protocol = OtlpExportProtocol.HttpProtobuf;
            e.Endpoint = new Uri($"{endpoint}/v1/{signal}");
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource(ActivitySources)
                .AddOtlpExporter(e => Otlp(e, "traces")))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(Meters)
                .AddOtlpExporter((e, reader) =>
                {
                    Otlp(e, "metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = options.MetricExportIntervalMilliseconds;
                }))
            .WithLogging(logging => logging.AddOtlpExporter(e => Otlp(e, "logs")));
        return services;
    }
}
