namespace ZohoJira.Web.Components.Admin.SmartItems;

/// <summary>Tells every open Smart Connected Items grid that an item was created, changed or deleted, so a second
/// admin sees it without reloading. One per app; each grid subscribes while it is on screen and re-renders through its
/// own dispatcher.</summary>
public sealed class SmartItemChangeNotifier
{
    private readonly Lock _gate = new();
    private readonly List<Func<Task>> _subscribers = [];

    /// <summary>Calls <paramref name="onChanged"/> after every change until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Func<Task> onChanged)
    {
        ArgumentNullException.ThrowIfNull(onChanged);
        lock (_gate)
        {
            _subscribers.Add(onChanged);
        }

        return new Subscription(this, onChanged);
    }

    /// <summary>Tells every subscriber; one that fails (a circuit going away) does not stop the others.</summary>
    public async Task NotifyChangedAsync()
    {
        Func<Task>[] targets;
        lock (_gate)
        {
            targets = [.. _subscribers];
        }

        foreach (var target in targets)
        {
            try
            {
                await target();
            }
            catch (ObjectDisposedException)
            {
                // The grid's circuit ended between the snapshot and the call.
            }
        }
    }

    private void Unsubscribe(Func<Task> onChanged)
    {
        lock (_gate)
        {
            _subscribers.Remove(onChanged);
        }
    }

    private sealed class Subscription(SmartItemChangeNotifier owner, Func<Task> onChanged) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(onChanged);
    }
}
