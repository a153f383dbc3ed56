namespace ZohoJira.Core.Operations;

/// <summary>The connector-wide switches every instance obeys, in one row (<see cref="SingletonId"/>): whether the whole
/// connector is paused, who changed that and when, and how far parked-work notifications have been sent.</summary>
public sealed class ConnectorState
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>While true no worker on any instance claims work; work keeps queuing and drains in order after resume.</summary>
    public bool Paused { get; set; }

    /// <summary>When the connector was last paused or resumed (UTC).</summary>
    public DateTime? ChangedAt { get; set; }

    /// <summary>Who last paused or resumed it.</summary>
    public string? ChangedBy { get; set; }

    /// <summary>Work parked up to this instant (its <c>UpdatedAt</c>) has been announced to the admins.</summary>
    public DateTime? ParkedNoticeThrough { get; set; }
}
