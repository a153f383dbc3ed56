namespace ZohoJira.Sandbox.SandboxConsole;

/// <summary>Which simulated vendor a console action or a record belongs to.</summary>
public enum ConsoleSide
{
    Zoho,
    Jira,
}

/// <summary>One thing a person did in the console: when, on which side and record, what, and how the simulator answered.</summary>
public sealed record ConsoleAction(long Id, DateTimeOffset At, ConsoleSide Side, string RecordId, string RecordLabel, string What, bool Succeeded, string? Error);

/// <summary>The console's own memory of what people did in it (the newest few hundred actions, in memory, shared by every
/// open console): the "what just happened" feed starts from it, and the time from a change to its counterpart's applied
/// entry is measured from it.</summary>
public sealed class SandboxConsoleJournal(TimeProvider time)
{
    public const int Capacity = 300;

    private readonly Lock _gate = new();
    private readonly LinkedList<ConsoleAction> _actions = new();
    private long _nextId;

    public ConsoleAction Record(ConsoleSide side, string recordId, string recordLabel, string what, SandboxConsoleAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        lock (_gate)
        {
            var action = new ConsoleAction(++_nextId, time.GetUtcNow(), side, recordId, recordLabel, what, answer.Succeeded,
                answer.Succeeded ? null : answer.Error);
            _actions.AddFirst(action);
            while (_actions.Count > Capacity)
            {
                _actions.RemoveLast();
            }

            return action;
        }
    }

    /// <summary>The newest actions first.</summary>
    public IReadOnlyList<ConsoleAction> Recent(int count = 50)
    {
        lock (_gate)
        {
            return _actions.Take(count).ToList();
        }
    }

    /// <summary>The newest successful change to this record made in the console at or before <paramref name="before"/>.</summary>
    public ConsoleAction? LastChange(ConsoleSide side, string recordId, DateTimeOffset before)
    {
        lock (_gate)
        {
            return _actions.FirstOrDefault(a => a.Side == side && a.Succeeded && a.RecordId == recordId && a.At <= before);
        }
    }
}
