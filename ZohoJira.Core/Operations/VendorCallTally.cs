namespace ZohoJira.Core.Operations;

/// <summary>Counts this instance's vendor calls and 429 answers per hour for the dashboard (the metrics carry the same
/// counts to a collector, where every instance adds up). Kept for eight days, in memory.</summary>
public sealed class VendorCallTally(TimeProvider time)
{
    public const string ZohoDesk = "zoho-desk";
    public const string ZohoAccounts = "zoho-accounts";
    public const string Jira = "jira";

    private static readonly TimeSpan Keep = TimeSpan.FromDays(8);

    private readonly Lock _gate = new();
    private readonly Dictionary<(DateTime Hour, string Vendor), (long Calls, long RateLimited)> _hours = [];

    public void Record(string vendor, int? status)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        lock (_gate)
        {
            var key = (hour, vendor);
            var counts = _hours.GetValueOrDefault(key);
            _hours[key] = (counts.Calls + 1, counts.RateLimited + (status == 429 ? 1 : 0));
            if (_hours.Count > 24 * 8 * 4)
            {
                foreach (var old in _hours.Keys.Where(k => k.Hour < now - Keep).ToList())
                {
                    _hours.Remove(old);
                }
            }
        }
    }

    /// <summary>Calls and 429 answers of <paramref name="vendor"/> in the hour that holds <paramref name="since"/> and later.</summary>
    public (long Calls, long RateLimited) Since(string vendor, DateTime since)
    {
        var first = new DateTime(since.Year, since.Month, since.Day, since.Hour, 0, 0, DateTimeKind.Utc);
        lock (_gate)
        {
            long calls = 0, limited = 0;
            foreach (var ((hour, name), counts) in _hours)
            {
                if (name == vendor && hour >= first)
                {
                    calls += counts.Calls;
                    limited += counts.RateLimited;
                }
            }

            return (calls, limited);
        }
    }
}
