namespace ZohoJira.Core.Sync.Work;

/// <summary>Does the work of one <see cref="Kind"/>. Register implementations in DI as <see cref="IWorkHandler"/>
/// (singletons or transients; one instance handles items concurrently when several workers run). Report failures as
/// <see cref="WorkOutcome.Failed"/>; a thrown <see cref="Common.ExternalApiException"/> keeps its category, any other
/// exception is recorded as a transient failure.</summary>
public interface IWorkHandler
{
    string Kind { get; }

    Task<WorkOutcome> HandleAsync(WorkItem item, CancellationToken cancellationToken);
}
