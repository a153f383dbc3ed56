namespace ZohoJira.Tests.Infrastructure;

/// <summary>A clock tests move by hand. Only the clock is fake: timers and delays still run on real time, so code that
/// waits keeps working while token expiry, cursors and retention follow <see cref="Advance"/>.</summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now;

    public FakeTimeProvider(DateTimeOffset? start = null)
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
