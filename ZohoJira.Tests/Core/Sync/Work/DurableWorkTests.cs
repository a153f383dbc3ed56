using System.Collections.Concurrent;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Common;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Sync.Work;

/// <summary>Durable work on a real database, proven on each provider (the derived classes choose it). Apps run with
/// <c>Sync:Workers=0</c> so only the test's own workers claim anything, except where the hosted loop is under test.</summary>
public abstract class DurableWorkTests
{
    /// <summary>An app (not started) on a fresh database of the provider under test.</summary>
    protected abstract Task<ZohoJiraAppFactory> NewAppAsync();

    /// <summary>Another app (not started) on the same database: a second instance (PostgreSQL) or a second host on the
    /// same file (SQLite).</summary>
    protected abstract ZohoJiraAppFactory NewSecondApp(ZohoJiraAppFactory first);

    private async Task<ZohoJiraAppFactory> StartAsync(params (string Key, string Value)[] settings)
    {
        var app = (await NewAppAsync()).With("Sync:Workers", "0");
        foreach (var (key, value) in settings)
        {
            app.With(key, value);
        }

        return app.Start();
    }

    /// <summary>A second instance on the same database whose clock agrees with the first.</summary>
    private ZohoJiraAppFactory StartSecond(ZohoJiraAppFactory first)
    {
        var second = NewSecondApp(first).With("Sync:Workers", "0");
        second.Time.SetUtcNow(first.Time.GetUtcNow());
        return second.Start();
    }

    private static async Task<WorkItem> RowAsync(ZohoJiraAppFactory app, long id)
    {
        await using var db = app.CreateDbContext();
        return await db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == id);
    }

    private static async Task<List<WorkItem>> RowsAsync(ZohoJiraAppFactory app)
    {
        await using var db = app.CreateDbContext();
        return await db.WorkItems.AsNoTracking().OrderBy(w => w.Id).ToListAsync();
    }

    [Fact]
    public async Task Enqueue_SameKeyWhileNotDone_KeepsOneRow_AndADoneKeyGetsANewRow()
    {
        await using var app = await StartAsync();
        var queue = app.Queue();

        var first = await queue.EnqueueAsync(WorkTestSupport.Request("pull:1", payload: "{\"v\":1}"));
        var again = await queue.EnqueueAsync(WorkTestSupport.Request("pull:1", payload: "{\"v\":2}"));

        first.Disposition.Should().Be(EnqueueDisposition.Created);
        again.Should().Be(new EnqueueResult(first.Id, EnqueueDisposition.Merged));
        (await RowAsync(app, first.Id)).Payload.Should().Be("{\"v\":2}", "a waiting row carries the newest request");

        // Running: the row is asked to run once more after it succeeds (a change that arrived mid-run is not lost).
        var claim = await queue.ClaimAsync("node-a", ["test"]);
        claim!.Item.Id.Should().Be(first.Id);
        (await queue.EnqueueAsync(WorkTestSupport.Request("pull:1"))).Should().Be(new EnqueueResult(first.Id, EnqueueDisposition.RerunRequested));
        (await queue.CompleteAsync(claim, WorkOutcome.Succeeded, 0.5)).Should().BeTrue();
        var rerun = await RowAsync(app, first.Id);
        rerun.Status.Should().Be(WorkItemStatus.Ready);
        rerun.RerunRequested.Should().BeFalse();
        rerun.Attempts.Should().Be(0);

        // Done: the same key later is new work, a new row ordered after everything before it.
        var claimAgain = await queue.ClaimAsync("node-a", ["test"]);
        (await queue.CompleteAsync(claimAgain!, WorkOutcome.Succeeded, 0.5)).Should().BeTrue();
        (await RowAsync(app, first.Id)).Status.Should().Be(WorkItemStatus.Done);
        var later = await queue.EnqueueAsync(WorkTestSupport.Request("pull:1"));
        later.Disposition.Should().Be(EnqueueDisposition.Created);
        later.Id.Should().BeGreaterThan(first.Id);

        (await RowsAsync(app)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Enqueue_ParkedKey_ReturnsTheParkedRow()
    {
        await using var app = await StartAsync();
        var queue = app.Queue();
        var created = await queue.EnqueueAsync(WorkTestSupport.Request("mirror:7"));
        var claim = await queue.ClaimAsync("node-a", ["test"]);
        await queue.CompleteAsync(claim!, WorkOutcome.Failed(FailureCategory.Validation, "Summary is required."), 0.5);

        var again = await queue.EnqueueAsync(WorkTestSupport.Request("mirror:7"));

        again.Should().Be(new EnqueueResult(created.Id, EnqueueDisposition.AlreadyParked));
        (await RowsAsync(app)).Should().ContainSingle();
    }

    [Fact]
    public async Task Enqueue_ConcurrentSameKey_StoresOneRow()
    {
        await using var app = await StartAsync();
        var queue = app.Queue();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => queue.EnqueueAsync(WorkTestSupport.Request("raced", payload: $"{{\"n\":{i}}}")))));

        results.Select(r => r.Id).Distinct().Should().ContainSingle();
        results.Count(r => r.Disposition == EnqueueDisposition.Created).Should().Be(1);
        (await RowsAsync(app)).Should().ContainSingle();
    }

    [Fact]
    public async Task Enqueue_InTheCallersTransaction_CommitsOrRollsBackWithIt()
    {
        await using var app = await StartAsync();
        await using (var db = app.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await app.Queue().EnqueueAsync(db, WorkTestSupport.Request("rolled-back"))).Disposition.Should().Be(EnqueueDisposition.Created);
            await transaction.RollbackAsync();
        }

        (await RowsAsync(app)).Should().BeEmpty();

        await using (var db = app.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await app.Queue().EnqueueAsync(db, WorkTestSupport.Request("committed"));
            (await app.Queue().EnqueueAsync(db, WorkTestSupport.Request("committed"))).Disposition.Should().Be(EnqueueDisposition.Merged);
            await transaction.CommitAsync();
        }

        (await RowsAsync(app)).Should().ContainSingle().Which.DedupeKey.Should().Be("committed");
    }

    [Fact]
    public async Task Claim_TwoClaimersOnOneRow_ExactlyOneWins()
    {
        await using var app = await StartAsync();
        await using var second = StartSecond(app);
        for (var round = 0; round < 10; round++)
        {
            var item = await app.Queue().EnqueueAsync(WorkTestSupport.Request($"race:{round}"));
            using var start = new ManualResetEventSlim();
            var claimers = new[] { app.Queue(), second.Queue() }.Select((queue, i) => Task.Run(async () =>
            {
                start.Wait();
                return await queue.ClaimAsync($"claimer-{i}", ["test"]);
            })).ToList();
            start.Set();
            var claims = await Task.WhenAll(claimers);

            claims.Count(c => c is not null).Should().Be(1, "round {0}: exactly one claimer gets the row", round);
            var winner = claims.Single(c => c is not null)!;
            winner.Item.Id.Should().Be(item.Id);
            (await RowAsync(app, item.Id)).LeaseOwner.Should().Be(winner.LeaseOwner);
            (await app.Queue().CompleteAsync(winner, WorkOutcome.Succeeded, 0.5)).Should().BeTrue();
        }
    }

    [Fact]
    public async Task Claim_ManyWorkersOnTwoInstances_EachItemOnce_InRecordOrder()
    {
        await using var app = await StartAsync();
        await using var second = StartSecond(app);
        const int records = 4;
        const int perRecord = 6;
        for (var n = 0; n < perRecord; n++)
        {
            for (var r = 0; r < records; r++)
            {
                await app.Queue().EnqueueAsync(WorkTestSupport.Request($"r{r}:n{n}", $"record:{r}", payload: $"{{\"n\":{n}}}"));
            }
        }

        var handled = new ConcurrentQueue<(string OrderingKey, string DedupeKey)>();
        var runningPerRecord = new ConcurrentDictionary<string, int>();
        var overlaps = 0;
        var handler = new DelegateHandler("test", async (item, ct) =>
        {
            if (runningPerRecord.AddOrUpdate(item.OrderingKey, 1, (_, v) => v + 1) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            handled.Enqueue((item.OrderingKey, item.DedupeKey));
            await Task.Delay(5, ct);
            runningPerRecord.AddOrUpdate(item.OrderingKey, 0, (_, v) => v - 1);
            return WorkOutcome.Succeeded;
        });
        var workers = new[] { app.Processor(handler), app.Processor(handler), second.Processor(handler) };

        await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            var deadline = Environment.TickCount64 + 60_000;
            while (handled.Count < records * perRecord && Environment.TickCount64 < deadline)
            {
                if (await worker.DrainAsync() == 0)
                {
                    await Task.Delay(10);
                }
            }
        })));

        handled.Should().HaveCount(records * perRecord);
        handled.Select(h => h.DedupeKey).Should().OnlyHaveUniqueItems();
        overlaps.Should().Be(0, "items of one record never run at the same time");
        foreach (var group in handled.GroupBy(h => h.OrderingKey))
        {
            group.Select(h => h.DedupeKey).Should().Equal(Enumerable.Range(0, perRecord).Select(n => $"{group.Key.Replace("record:", "r", StringComparison.Ordinal)}:n{n}"));
        }

        (await RowsAsync(app)).Should().OnlyContain(w => w.Status == WorkItemStatus.Done && w.Result == WorkItemResult.Succeeded && w.LeaseOwner == null);
    }

    [Fact]
    public async Task Claim_OnlyDueItems_AndOnlyKindsTheWorkerHandles()
    {
        await using var app = await StartAsync();
        var queue = app.Queue();
        await queue.EnqueueAsync(WorkTestSupport.Request("later") with { NotBefore = app.Now().AddMinutes(5) });
        await queue.EnqueueAsync(WorkTestSupport.Request("other-kind", kind: "jira-create"));

        (await queue.ClaimAsync("node-a", ["test"])).Should().BeNull();
        (await queue.ClaimAsync("node-a", [])).Should().BeNull();

        app.Time.Advance(TimeSpan.FromMinutes(5));
        (await queue.ClaimAsync("node-a", ["test"]))!.Item.DedupeKey.Should().Be("later");
        (await queue.ClaimAsync("node-a", ["test"])).Should().BeNull();
        (await queue.ClaimAsync("node-a", ["jira-create"]))!.Item.DedupeKey.Should().Be("other-kind");
    }

    [Fact]
    public async Task PerRecordOrder_WaitingRunningOrParkedItemsHoldBackLaterOnesOfTheSameRecord()
    {
        await using var app = await StartAsync();
        var queue = app.Queue();
        var a1 = await queue.EnqueueAsync(WorkTestSupport.Request("a1", "zoho:tickets:1"));
        var a2 = await queue.EnqueueAsync(WorkTestSupport.Request("a2", "zoho:tickets:1"));
        var b1 = await queue.EnqueueAsync(WorkTestSupport.Request("b1", "zoho:tickets:2"));

        // Running a1 holds a2 back; b1 (another record) goes ahead.
        var claimA1 = await queue.ClaimAsync("w1", ["test"]);
        claimA1!.Item.Id.Should().Be(a1.Id);
        var claimB1 = await queue.ClaimAsync("w2", ["test"]);
        claimB1!.Item.Id.Should().Be(b1.Id);
        (await queue.ClaimAsync("w3", ["test"])).Should().BeNull();

        // a1 failed and waits for its retry: a2 still waits behind it.
        await queue.CompleteAsync(claimA1, WorkOutcome.Failed(FailureCategory.Transient, "503"), 0.5);
        (await queue.ClaimAsync("w3", ["test"])).Should().BeNull();

        // a1 parked: a2 still waits, until an admin skips a1.
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var retry = await queue.ClaimAsync("w1", ["test"]);
        retry!.Item.Id.Should().Be(a1.Id);
        await queue.CompleteAsync(retry, WorkOutcome.Failed(FailureCategory.Permission, "403"), 0.5);
        (await RowAsync(app, a1.Id)).Status.Should().Be(WorkItemStatus.Parked);
        (await queue.ClaimAsync("w3", ["test"])).Should().BeNull();

        (await app.WorkAdmin().SkipAsync(a1.Id, "admin@example.com")).Should().BeTrue();
        (await queue.ClaimAsync("w3", ["test"]))!.Item.Id.Should().Be(a2.Id);
    }

    [Fact]
    public async Task Lease_Expired_AnotherInstanceTakesOver_AndTheFirstCannotRenewOrComplete()
    {
        await using var app = await StartAsync(("Sync:LeaseDuration", "00:01:00"));
        await using var second = StartSecond(app);
        var item = await app.Queue().EnqueueAsync(WorkTestSupport.Request("slow"));
        var first = await app.Queue().ClaimAsync("node-a/w0/1", ["test"]);
        first.Should().NotBeNull();

        // Within the lease nobody else can take it.
        app.Time.Advance(TimeSpan.FromSeconds(30));
        second.Time.Advance(TimeSpan.FromSeconds(30));
        (await second.Queue().ClaimAsync("node-b/w0/1", ["test"])).Should().BeNull();
        (await app.Queue().RenewAsync(first!)).Should().BeTrue();

        // The first worker stalls past its (renewed) lease: the claim condition reaps it.
        app.Time.Advance(TimeSpan.FromSeconds(61));
        second.Time.Advance(TimeSpan.FromSeconds(61));
        var takeover = await second.Queue().ClaimAsync("node-b/w0/2", ["test"]);
        takeover!.Item.Id.Should().Be(item.Id);
        takeover.Item.Attempts.Should().Be(2);

        (await app.Queue().RenewAsync(first!)).Should().BeFalse();
        (await app.Queue().CompleteAsync(first!, WorkOutcome.Succeeded, 0.5)).Should().BeFalse();
        (await app.Queue().CompleteAsync(first!, WorkOutcome.Failed(FailureCategory.Transient, "late"), 0.5)).Should().BeFalse();
        (await app.Queue().ReleaseAsync(first!)).Should().BeFalse();
        var row = await RowAsync(app, item.Id);
        row.Status.Should().Be(WorkItemStatus.Running);
        row.LeaseOwner.Should().Be("node-b/w0/2");
        row.LastFailureMessage.Should().BeNull();

        (await second.Queue().CompleteAsync(takeover, WorkOutcome.Succeeded, 0.5)).Should().BeTrue();
        row = await RowAsync(app, item.Id);
        row.Status.Should().Be(WorkItemStatus.Done);
        row.FinishedAt.Should().Be(second.Now());
        row.ActiveDedupeKey.Should().BeNull();
    }

    [Fact]
    public async Task Outcomes_RetryLater_ParkPermanent_AndParkAuthWithItsCategory()
    {
        await using var app = await StartAsync();
        var queue = app.Queue();
        var transient = await queue.EnqueueAsync(WorkTestSupport.Request("t"));
        var limited = await queue.EnqueueAsync(WorkTestSupport.Request("r"));
        var invalid = await queue.EnqueueAsync(WorkTestSupport.Request("v"));
        var auth = await queue.EnqueueAsync(WorkTestSupport.Request("a"));
        var now = app.Now();
        var outcomes = new Dictionary<long, WorkOutcome>
        {
            [transient.Id] = WorkOutcome.Failed(FailureCategory.Transient, "Zoho answered 503."),
            [limited.Id] = WorkOutcome.Failed(FailureCategory.RateLimited, "Jira answered 429.", now.AddSeconds(40)),
            [invalid.Id] = WorkOutcome.Failed(FailureCategory.Validation, "Field 'priority' cannot be set."),
            [auth.Id] = WorkOutcome.Failed(FailureCategory.Authentication, "The Zoho refresh token was revoked."),
        };
        while (await queue.ClaimAsync("w", ["test"]) is { } claim)
        {
            (await queue.CompleteAsync(claim, outcomes[claim.Item.Id], 0.5)).Should().BeTrue();
        }

        var t = await RowAsync(app, transient.Id);
        t.Status.Should().Be(WorkItemStatus.Ready);
        t.NextAttemptAt.Should().Be(now.AddSeconds(10));
        t.Attempts.Should().Be(1);
        t.LastFailureCategory.Should().Be(FailureCategory.Transient);
        t.LastFailureMessage.Should().Be("Zoho answered 503.");
        t.LeaseOwner.Should().BeNull();
        t.LeaseExpiresAt.Should().BeNull();

        var r = await RowAsync(app, limited.Id);
        r.Status.Should().Be(WorkItemStatus.Ready);
        r.NextAttemptAt.Should().Be(now.AddSeconds(42.5), "the vendor's time plus half of the 5 s rate-limit jitter");

        var v = await RowAsync(app, invalid.Id);
        v.Status.Should().Be(WorkItemStatus.Parked);
        v.LastFailureCategory.Should().Be(FailureCategory.Validation);
        v.FinishedAt.Should().BeNull();

        var a = await RowAsync(app, auth.Id);
        a.Status.Should().Be(WorkItemStatus.Parked);
        a.LastFailureCategory.Should().Be(FailureCategory.Authentication);
    }

    [Fact]
    public async Task Admin_RetrySkipAndReleaseAuthParked()
    {
        await using var app = await StartAsync();
        var queue = app.Queue();
        var admin = app.WorkAdmin();
        var ids = new Dictionary<string, long>();
        foreach (var key in new[] { "invalid", "auth-1", "auth-2", "skip-me", "fine" })
        {
            ids[key] = (await queue.EnqueueAsync(WorkTestSupport.Request(key))).Id;
        }

        while (await queue.ClaimAsync("w", ["test"]) is { } claim)
        {
            var outcome = claim.Item.DedupeKey switch
            {
                "fine" => WorkOutcome.Succeeded,
                var k when k.StartsWith("auth", StringComparison.Ordinal) => WorkOutcome.Failed(FailureCategory.Authentication, "401"),
                _ => WorkOutcome.Failed(FailureCategory.NotFound, "The ticket was deleted."),
            };
            await queue.CompleteAsync(claim, outcome, 0.5);
        }

        (await admin.ListParkedAsync()).Select(w => w.DedupeKey).Should().Equal("invalid", "auth-1", "auth-2", "skip-me");
        (await queue.GetStatisticsAsync()).Should().Be(new WorkStatistics(0, 0, 0, 4, 2, TimeSpan.Zero));

        // Retry: ready, due now, attempts kept.
        app.Time.Advance(TimeSpan.FromMinutes(3));
        (await admin.RetryAsync(ids["invalid"])).Should().BeTrue();
        (await admin.RetryAsync(ids["invalid"])).Should().BeFalse("it is no longer parked");
        (await admin.RetryAsync(ids["fine"])).Should().BeFalse("a done item is not retried");
        var retried = await RowAsync(app, ids["invalid"]);
        retried.Status.Should().Be(WorkItemStatus.Ready);
        retried.NextAttemptAt.Should().Be(app.Now());
        retried.Attempts.Should().Be(1);

        // Skip: done, skipped, by whom; the key is free again.
        (await admin.SkipAsync(ids["skip-me"], "mia@example.com")).Should().BeTrue();
        (await admin.SkipAsync(ids["fine"], "mia@example.com")).Should().BeFalse();
        var skipped = await RowAsync(app, ids["skip-me"]);
        skipped.Status.Should().Be(WorkItemStatus.Done);
        skipped.Result.Should().Be(WorkItemResult.Skipped);
        skipped.SkippedBy.Should().Be("mia@example.com");
        skipped.FinishedAt.Should().Be(app.Now());
        (await queue.EnqueueAsync(WorkTestSupport.Request("skip-me"))).Disposition.Should().Be(EnqueueDisposition.Created);

        // Release after reconnect: exactly the auth-parked ones.
        (await admin.ReleaseAuthParkedAsync()).Should().Be(2);
        (await RowAsync(app, ids["auth-1"])).Status.Should().Be(WorkItemStatus.Ready);
        (await RowAsync(app, ids["auth-2"])).NextAttemptAt.Should().Be(app.Now());
        (await admin.ReleaseAuthParkedAsync()).Should().Be(0);

        var stats = await queue.GetStatisticsAsync();
        stats.Should().Be(new WorkStatistics(Ready: 4, Due: 4, Running: 0, Parked: 0, AuthParked: 0, OldestWaitingAge: TimeSpan.FromMinutes(3)));
    }

    [Fact]
    public async Task Statistics_CountReadyDueRunningParked_AndTheOldestWait()
    {
        await using var app = await StartAsync();
        var queue = app.Queue();
        (await queue.GetStatisticsAsync()).Should().Be(new WorkStatistics(0, 0, 0, 0, 0, TimeSpan.Zero));
        await queue.EnqueueAsync(WorkTestSupport.Request("old"));
        app.Time.Advance(TimeSpan.FromSeconds(90));
        await queue.EnqueueAsync(WorkTestSupport.Request("future") with { NotBefore = app.Now().AddHours(1) });
        await queue.EnqueueAsync(WorkTestSupport.Request("parked"));
        await queue.EnqueueAsync(WorkTestSupport.Request("run"));
        var parked = await queue.ClaimAsync("w", ["test"]);
        parked!.Item.DedupeKey.Should().Be("old");
        await queue.CompleteAsync(parked, WorkOutcome.Succeeded, 0.5);
        var p = await queue.ClaimAsync("w", ["test"]);
        await queue.CompleteAsync(p!, WorkOutcome.Failed(FailureCategory.Validation, "bad"), 0.5);
        (await queue.ClaimAsync("w", ["test"]))!.Item.DedupeKey.Should().Be("run");
        app.Time.Advance(TimeSpan.FromSeconds(10));

        var stats = await queue.GetStatisticsAsync();

        stats.Should().Be(new WorkStatistics(Ready: 1, Due: 0, Running: 1, Parked: 1, AuthParked: 0, OldestWaitingAge: TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Processor_ThrowingHandlerIsARecordedTransientFailure_AndOtherItemsStillRun()
    {
        await using var app = await StartAsync();
        var queue = app.Queue();
        var boom = await queue.EnqueueAsync(WorkTestSupport.Request("boom-1", kind: "boom"));
        var limited = await queue.EnqueueAsync(WorkTestSupport.Request("limited-1", kind: "limited"));
        var slow = await queue.EnqueueAsync(WorkTestSupport.Request("slow-1", kind: "slow"));
        var fine = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            fine.Add((await queue.EnqueueAsync(WorkTestSupport.Request($"ok-{i}", kind: "ok"))).Id);
        }

        var seen = new ConcurrentBag<long>();
        var processor = app.Processor(
            new DelegateHandler("boom", (_, _) => throw new InvalidOperationException("The mapping has no target field.")),
            new DelegateHandler("limited", (_, _) => throw new ExternalApiException(ExternalSystem.ZohoDesk, FailureCategory.RateLimited, "Zoho answered 429.", 429, retryAfter: TimeSpan.FromSeconds(30))),
            new DelegateHandler("slow", (_, _) => throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.")),
            DelegateHandler.Succeeding("ok", item => seen.Add(item.Id)));

        (await processor.DrainAsync()).Should().Be(6);

        seen.Should().BeEquivalentTo(fine);
        var failed = await RowAsync(app, boom.Id);
        failed.Status.Should().Be(WorkItemStatus.Ready);
        failed.LastFailureCategory.Should().Be(FailureCategory.Transient);
        failed.LastFailureMessage.Should().Contain("The mapping has no target field.");
        failed.NextAttemptAt.Should().BeAfter(app.Now());
        var rateLimited = await RowAsync(app, limited.Id);
        rateLimited.LastFailureCategory.Should().Be(FailureCategory.RateLimited);
        rateLimited.NextAttemptAt.Should().BeOnOrAfter(app.Now().AddSeconds(30)).And.BeOnOrBefore(app.Now().AddSeconds(35));
        var timedOut = await RowAsync(app, slow.Id);
        timedOut.Status.Should().Be(WorkItemStatus.Ready);
        timedOut.LastFailureCategory.Should().Be(FailureCategory.Timeout);
        (await processor.DrainAsync()).Should().Be(0, "nothing is due until the retry time");
    }

    [Fact]
    public async Task Processor_FailsUntilTheCap_ThenParks()
    {
        await using var app = await StartAsync(("Sync:MaxAttempts", "3"));
        var item = await app.Queue().EnqueueAsync(WorkTestSupport.Request("flaky"));
        var calls = 0;
        var processor = app.Processor(new DelegateHandler("test", (_, _) =>
        {
            calls++;
            return Task.FromResult(WorkOutcome.Failed(FailureCategory.Timeout, "timed out"));
        }));

        for (var i = 0; i < 5; i++)
        {
            await processor.DrainAsync();
            app.Time.Advance(TimeSpan.FromHours(1));
        }

        calls.Should().Be(3);
        var row = await RowAsync(app, item.Id);
        row.Status.Should().Be(WorkItemStatus.Parked);
        row.Attempts.Should().Be(3);
        row.LastFailureCategory.Should().Be(FailureCategory.Timeout);
    }

    [Fact]
    public async Task Processor_StoppingMidRun_GivesTheItemBackUncounted()
    {
        await using var app = await StartAsync();
        var item = await app.Queue().EnqueueAsync(WorkTestSupport.Request("interrupted"));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var processor = app.Processor(new DelegateHandler("test", async (_, ct) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return WorkOutcome.Succeeded;
        }));
        using var stop = new CancellationTokenSource();

        var run = processor.RunOnceAsync(stop.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        (await RowAsync(app, item.Id)).Status.Should().Be(WorkItemStatus.Running);
        await stop.CancelAsync();
        (await run.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();

        var row = await RowAsync(app, item.Id);
        row.Status.Should().Be(WorkItemStatus.Ready);
        row.Attempts.Should().Be(0);
        row.LeaseOwner.Should().BeNull();
        row.NextAttemptAt.Should().Be(app.Now());
        row.LastFailureMessage.Should().BeNull();
    }

    [Fact]
    public async Task Processor_RenewsTheLeaseOfALongHandler()
    {
        await using var app = await StartAsync(("Sync:LeaseDuration", "00:01:00"), ("Sync:LeaseRenewInterval", "00:00:00.100"));
        await using var second = StartSecond(app);
        var item = await app.Queue().EnqueueAsync(WorkTestSupport.Request("long"));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var processor = app.Processor(new DelegateHandler("test", async (_, ct) =>
        {
            started.TrySetResult();
            await release.Task.WaitAsync(ct);
            return WorkOutcome.Succeeded;
        }));

        var run = processor.RunOnceAsync();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var firstExpiry = (await RowAsync(app, item.Id)).LeaseExpiresAt!.Value;

        // Past the original lease, the renewals keep it ours.
        app.Time.Advance(TimeSpan.FromSeconds(45));
        (await WorkTestSupport.EventuallyAsync(async () => (await RowAsync(app, item.Id)).LeaseExpiresAt > firstExpiry.AddSeconds(40))).Should().BeTrue();
        app.Time.Advance(TimeSpan.FromSeconds(30));
        (await WorkTestSupport.EventuallyAsync(async () => (await RowAsync(app, item.Id)).LeaseExpiresAt > app.Now())).Should().BeTrue();
        second.Time.SetUtcNow(app.Time.GetUtcNow());
        (await second.Queue().ClaimAsync("node-b", ["test"])).Should().BeNull("the renewed lease still holds");

        release.SetResult();
        (await run.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();
        var row = await RowAsync(app, item.Id);
        row.Status.Should().Be(WorkItemStatus.Done);
        row.Attempts.Should().Be(1);
    }

    [Fact]
    public async Task Processor_WhoseLeaseWasTakenOver_DoesNotApplyItsResult()
    {
        await using var app = await StartAsync(("Sync:LeaseDuration", "00:01:00"), ("Sync:LeaseRenewInterval", "01:00:00"));
        await using var second = StartSecond(app);
        var item = await app.Queue().EnqueueAsync(WorkTestSupport.Request("stalled"));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var processor = app.Processor(new DelegateHandler("test", async (_, _) =>
        {
            started.TrySetResult();
            await release.Task;
            return WorkOutcome.Failed(FailureCategory.Validation, "stale result");
        }));

        var run = processor.RunOnceAsync();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        app.Time.Advance(TimeSpan.FromMinutes(2));
        second.Time.SetUtcNow(app.Time.GetUtcNow());
        var takeover = await second.Queue().ClaimAsync("node-b", ["test"]);
        takeover.Should().NotBeNull();

        release.SetResult();
        (await run.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();

        var row = await RowAsync(app, item.Id);
        row.Status.Should().Be(WorkItemStatus.Running, "the stale worker's park was not applied");
        row.LeaseOwner.Should().Be("node-b");
        row.LastFailureMessage.Should().BeNull();
    }

    [Fact]
    public async Task HostedWorker_WakesAtOnceWhenWorkIsEnqueuedOnItsInstance()
    {
        var handled = new ConcurrentQueue<string>();
        var handler = DelegateHandler.Succeeding("test", item => handled.Enqueue(item.DedupeKey));

        // Polling only once a minute: a pick-up within seconds can only come from the signal.
        await using var app = (await NewAppAsync())
            .With("Sync:Workers", "1").With("Sync:PollMinInterval", "00:01:00").With("Sync:PollMaxInterval", "00:01:00");
        await using var host = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IWorkHandler>(handler)));
        _ = host.Server;
        var queue = host.Services.GetRequiredService<WorkQueue>();

        await queue.EnqueueAsync(WorkTestSupport.Request("first"));
        (await WorkTestSupport.EventuallyAsync(() => Task.FromResult(handled.Contains("first")), seconds: 20)).Should().BeTrue();
        await queue.EnqueueAsync(WorkTestSupport.Request("second"));
        (await WorkTestSupport.EventuallyAsync(() => Task.FromResult(handled.Contains("second")), seconds: 20)).Should().BeTrue();

        await using var db = host.Services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>().CreateDbContext();
        (await db.WorkItems.CountAsync(w => w.Status == WorkItemStatus.Done)).Should().Be(2);
    }

    [Fact]
    public async Task HostedWorker_FindsWorkEnqueuedByAnotherInstanceByPolling()
    {
        var handled = new ConcurrentQueue<string>();
        var handler = DelegateHandler.Succeeding("test", item => handled.Enqueue(item.DedupeKey));
        await using var app = (await NewAppAsync()).With("Sync:Workers", "1");
        await using var host = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IWorkHandler>(handler)));
        _ = host.Server;

        // The other instance's enqueue signals only its own workers (it has none running).
        await using var other = StartSecond(app);
        await other.Queue().EnqueueAsync(WorkTestSupport.Request("from-elsewhere"));

        (await WorkTestSupport.EventuallyAsync(() => Task.FromResult(handled.Contains("from-elsewhere")), clock: app, seconds: 20)).Should().BeTrue();
        handled.Should().ContainSingle();
    }
}
