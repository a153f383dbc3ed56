using System.Globalization;

namespace ZohoJira.Core.Zoho.Http;

/// <summary>Remembers what Zoho Desk said about API credits on the latest answer (<c>X-Rate-Limit-Request-Weight-v3</c>,
/// <c>X-Rate-Limit-Remaining-v3</c>), so admins and the scheduler can see how much of the daily budget is left.</summary>
internal sealed class ZohoCreditMonitor(TimeProvider time)
{
    private readonly Lock _lock = new();
    private DateTime _day;
    private long _spent;

    public long? LastWeight { get; private set; }

    public long? Remaining { get; private set; }

    public DateTimeOffset? ObservedAt { get; private set; }

    /// <summary>The credits this instance's calls cost since midnight UTC (the sum of the weights it was told).</summary>
    public long SpentToday
    {
        get
        {
            lock (_lock)
            {
                return _day == time.GetUtcNow().UtcDateTime.Date ? _spent : 0;
            }
        }
    }

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
            var today = ObservedAt.Value.UtcDateTime.Date;
            if (_day != today)
            {
                _day = today;
                _spent = 0;
            }

            _spent += weight ?? 0;
        }
    }

    private static long? Read(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
