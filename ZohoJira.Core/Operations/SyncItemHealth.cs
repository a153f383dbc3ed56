using ZohoJira.Core.Sync;

namespace ZohoJira.Core.Operations;

/// <summary>One Smart Connected Item's last finished run (null when it never ran), and whether it is paused — shown apart
/// from failing, since a paused item is resting, not dead.</summary>
public sealed record SyncItemHealth(Guid Id, string Name, bool Paused, DateTime? LastRunAt, SyncRunOutcome? LastOutcome, string? LastError);
