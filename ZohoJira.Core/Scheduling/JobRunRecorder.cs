using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ZohoJira.Core.Persistence;

namespace ZohoJira.Core.Scheduling;

/// <summary>Runs one piece of scheduled work and records its start, end and outcome, so the admin pages show the last run of
/// every job whichever node ran it. A failure is recorded and logged, never thrown into the scheduler.</summary>
public sealed partial class JobRunRecorder(IDbContextFactory<ZohoJiraDbContext> dbFactory, TimeProvider time, ILogger<JobRunRecorder> logger)
{
    public async Task<bool> RunAsync(string jobName, Func<CancellationToken, Task<string>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await UpdateAsync(jobName, s =>
        {
            s.LastStartedAt = time.GetUtcNow().UtcDateTime;
            s.LastNode = Environment.MachineName;
        }, cancellationToken);

        bool succeeded;
        string message;
        try
        {
            message = await work(cancellationToken);
            succeeded = true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            message = "Cancelled (shutting down).";
            succeeded = false;
        }
        catch (Exception ex)
        {
            LogJobFailed(logger, ex, jobName);
            message = $"{ex.GetType().Name}: {ex.Message}";
            succeeded = false;
        }

        await UpdateAsync(jobName, s =>
        {
            s.LastFinishedAt = time.GetUtcNow().UtcDateTime;
            s.LastSucceeded = succeeded;
            s.LastMessage = message.Length > 2000 ? message[..2000] : message;
            s.RunCount++;
        }, CancellationToken.None);
        return succeeded;
    }

    public async Task<IReadOnlyList<JobRunState>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.JobRuns.AsNoTracking().OrderBy(j => j.JobName).ToListAsync(cancellationToken);
    }

    private async Task UpdateAsync(string jobName, Action<JobRunState> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var state = await db.JobRuns.SingleOrDefaultAsync(j => j.JobName == jobName, cancellationToken);
        if (state is null)
        {
            state = new JobRunState { JobName = jobName };
            db.JobRuns.Add(state);
        }

        change(state);
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(LogLevel.Error, "Scheduled job {JobName} failed")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, string jobName);
}
