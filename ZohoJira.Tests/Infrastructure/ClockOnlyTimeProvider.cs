namespace ZohoJira.Tests.Infrastructure;

/// <summary>
/// A clock tests move by hand, for the whole app under test (<see cref="ZohoJiraAppFactory.Time"/>). Only the clock is
/// fake: timers and delays still run on real time, so token expiry, cursors and retention follow <see cref="Advance"/>
/// while the code that waits keeps working. This is deliberate and is why the app does not get
/// <c>Microsoft.Extensions.Time.Testing.FakeTimeProvider</c>: with it every timer made from the app's
/// <see cref="TimeProvider"/> (the HTTP retry backoff and <c>Retry-After</c> waits, per-attempt timeouts, the circuit
/// breaker) would stand still until a test advanced the clock, and a request a test awaits would never finish.
/// Unit tests that drive timers themselves use <c>FakeTimeProvider</c>.
/// </summary>
public sealed class ClockOnlyTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now;

    public ClockOnlyTimeProvider(DateTimeOffset? start = null)
    {
        // Start at the real time (truncated to whole seconds) so cookies and keys made by the app look sane to a browser.
        var real = System.GetUtcNow();
        _now = start ?? new DateTimeOffset(real.Ticks - (real.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate)
        {
            _now += by;
        }
    }

    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_gate)
        {
            _now = value;
        }
    }
}
