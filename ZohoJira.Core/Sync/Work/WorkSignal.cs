namespace ZohoJira.Core.Sync.Work;

/// <summary>Wakes this instance's workers as soon as work is committed here. Waiters take <see cref="Next"/> before they
/// look for work, so a notification between the look and the wait is never missed.</summary>
public sealed class WorkSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = NewSource();

    /// <summary>A task that completes at the next <see cref="Notify"/>.</summary>
    public Task Next
    {
        get
        {
            lock (_gate)
            {
                return _next.Task;
            }
        }
    }

    /// <summary>Wakes every waiting worker.</summary>
    public void Notify()
    {
        TaskCompletionSource current;
        lock (_gate)
        {
            current = _next;
            _next = NewSource();
        }

        current.TrySetResult();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
