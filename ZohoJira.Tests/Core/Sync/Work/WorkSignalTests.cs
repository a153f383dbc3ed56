using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Tests.Core.Sync.Work;

public sealed class WorkSignalTests
{
    [Fact]
    public async Task Notify_CompletesTheTaskTakenBeforeIt_AndArmsANewOne()
    {
        var signal = new WorkSignal();
        var first = signal.Next;
        first.IsCompleted.Should().BeFalse();

        signal.Notify();

        await first.WaitAsync(TimeSpan.FromSeconds(5));
        signal.Next.IsCompleted.Should().BeFalse("a notification wakes only those already waiting");
    }

    [Fact]
    public async Task Notify_WakesEveryWaiter()
    {
        var signal = new WorkSignal();
        var waiters = Enumerable.Range(0, 3).Select(_ => signal.Next).ToList();

        signal.Notify();

        await Task.WhenAll(waiters).WaitAsync(TimeSpan.FromSeconds(5));
        waiters.Should().OnlyContain(t => t.IsCompletedSuccessfully);
    }
}
