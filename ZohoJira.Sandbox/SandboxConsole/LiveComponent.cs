using Microsoft.AspNetCore.Components;

namespace ZohoJira.Sandbox.SandboxConsole;

/// <summary>A console component that reads its data again every <see cref="Interval"/> while it is open on a live circuit
/// (not while prerendering), so what the connector does shows up without a click.</summary>
public abstract class LiveComponent : ComponentBase, IAsyncDisposable
{
    /// <summary>How often live console components read again.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1.5);

    private readonly CancellationTokenSource _stop = new();

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>Stops the refresh when the circuit closes.</summary>
    protected CancellationToken Stopping => _stop.Token;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync(_stop.Token);
        if (RendererInfo.IsInteractive)
        {
            _ = RefreshLoopAsync();
        }
    }

    /// <summary>Reads what the component shows.</summary>
    protected abstract Task LoadAsync(CancellationToken cancellationToken);

    private async Task RefreshLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                // Real time (not the app's clock, which tests move by hand): this is a screen refresh.
                await Task.Delay(Interval, _stop.Token);
                await InvokeAsync(async () =>
                {
                    await LoadAsync(_stop.Token);
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between two reads.
        }
    }

    /// <summary>The app's clock, for ages shown on screen.</summary>
    protected DateTimeOffset Now => Time.GetUtcNow();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
