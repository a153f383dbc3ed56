namespace ZohoJira.Web.Hosting;

/// <summary>The <c>Telemetry</c> section: OpenTelemetry export over OTLP/HTTP. Off while no endpoint is set.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>The collector's base URL, e.g. http://otel-collector:4318 (traces go to /v1/traces, metrics to
    /// /v1/metrics, logs to /v1/logs).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>How often metrics are exported.</summary>
    public int MetricExportIntervalMilliseconds { get; set; } = 30_000;

    public string ServiceName { get; set; } = "zohojira";
}
