using System.Globalization;

namespace ZohoJira.Core.Zoho.Http;

/// <summary>Remembers what Zoho Desk said about API credits on the latest answer (<c>X-Rate-Limit-Request-Weight-v3</c>,
/// <c>X-Rate-Limit-Remaining-v3</c>), so admins and the scheduler can see how much of the daily budget is left.</summary>
internal sealed class ZohoCreditMonitor(TimeProvider time)
{
    private readonly Lock _lock = new();

    public long? LastWeight { get; private set; }

    public long? Remaining { get; private set; }

    public DateTimeOffset? ObservedAt { get; private set; }

    internal void Record(HttpResponseMessage response)
    {
        var weight = Read(response, "X-Rate-Limit-Request-Weight-v3");
        var remaining = Read(response, "X-Rate-Limit-Remaining-v3");
        if (weight is null && remaining is null)
        {
            return;
        }

        lock (_lock)
        {
            LastWeight = weight ?? LastWeight;
            Remaining = remaining ?? Remaining;
            ObservedAt = time.GetUtcNow();
        }
    }

    private static long? Read(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
