using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.JiraCloud;

/// <summary>The simulated site's in-memory data. Every read and write happens under <see cref="Gate"/>; the site is small.</summary>
internal sealed class JiraSandboxState(TimeProvider time)
{
    /// <summary>Called (with the file name) when the first bytes of an uploaded file arrive: lets a test see how much of a
    /// file its source had sent by then, i.e. that it is streamed rather than read whole first.</summary>
    public Action<string>? UploadStarted { get; set; }

    private long _nextIssueId = 10000;
    private long _nextCommentId = 10100;
    private long _nextAttachmentId = 10200;
    private long _nextRemoteLinkId = 10000;
    private long _nextWebhookId = 1;
    private bool _seeded;

    public Lock Gate { get; } = new();

    public TimeProvider Time { get; } = time;

    public List<SimAccount> Accounts { get; } = [];

    public Dictionary<int, SimStatusCategory> Categories { get; } = [];

    public Dictionary<string, SimStatus> Statuses { get; } = new(StringComparer.Ordinal);

    /// <summary>Fields in the order <c>GET /field</c> lists them.</summary>
    public List<SimField> Fields { get; } = [];

    public Dictionary<string, SimIssueType> IssueTypes { get; } = new(StringComparer.Ordinal);

    public List<SimProject> Projects { get; } = [];

    public List<SimIssue> Issues { get; } = [];

    public Dictionary<string, SimAttachment> Attachments { get; } = new(StringComparer.Ordinal);

    public List<SimWebhook> Webhooks { get; } = [];

    /// <summary>Per-project key counters.</summary>
    public Dictionary<string, int> KeyCounters { get; } = new(StringComparer.Ordinal);

    /// <summary>Seeds on first use, so the clock a test installs is the one the seed's timestamps come from.</summary>
    public void EnsureSeeded()
    {
        lock (Gate)
        {
            if (!_seeded)
            {
                _seeded = true;
                JiraSandboxSeed.Populate(this);
            }
        }
    }

    public string NextIssueId() => (_nextIssueId++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string NextCommentId() => (_nextCommentId++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string NextAttachmentId() => (_nextAttachmentId++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public long NextRemoteLinkId() => _nextRemoteLinkId++;

    public long NextWebhookId() => _nextWebhookId++;

    public string NextKey(SimProject project)
    {
        KeyCounters.TryGetValue(project.Key, out var n);
        KeyCounters[project.Key] = ++n;
        return $"{project.Key}-{n}";
    }

    public SimAccount? FindAccount(string email, string token) => Accounts.FirstOrDefault(a =>
        string.Equals(a.Email, email, StringComparison.OrdinalIgnoreCase) && string.Equals(a.ApiToken, token, StringComparison.Ordinal));

    public SimAccount? FindAccountById(string? accountId) => Accounts.FirstOrDefault(a => a.AccountId == accountId);

    public SimProject? FindProject(string? idOrKey) => idOrKey is null
        ? null
        : Projects.FirstOrDefault(p => p.Id == idOrKey || string.Equals(p.Key, idOrKey, StringComparison.OrdinalIgnoreCase));

    public SimIssue? FindIssue(string? idOrKey) => idOrKey is null
        ? null
        : Issues.FirstOrDefault(i => i.Id == idOrKey || string.Equals(i.Key, idOrKey, StringComparison.OrdinalIgnoreCase));

    public SimField? FindField(string id) => Fields.FirstOrDefault(f => f.Id == id);

    public IReadOnlyList<SimTransition> AvailableTransitions(SimIssue issue) =>
        issue.Project.Workflow.Transitions.Where(t => (t.FromStatusId is null || t.FromStatusId == issue.StatusId) && t.ToStatusId != issue.StatusId).ToList();

    /// <summary>Fields an edit may set: the create screen's plus the project's edit-only fields.</summary>
    public IReadOnlyList<string> EditableFields(SimIssue issue) =>
        issue.Project.CreateScreens.TryGetValue(issue.IssueTypeId, out var screen)
            ? screen.Select(s => s.FieldId).Concat(issue.Project.EditOnlyFields).Where(f => f is not ("project" or "issuetype")).Distinct().ToList()
            : issue.Project.EditOnlyFields;

    public SimIssue AddIssue(SimProject project, string issueTypeId, SimAccount reporter, JsonObject values, DateTimeOffset created)
    {
        var issue = new SimIssue
        {
            Id = NextIssueId(),
            Key = NextKey(project),
            Project = project,
            IssueTypeId = issueTypeId,
            StatusId = project.Workflow.InitialStatusId,
            Created = created,
            Updated = created,
            Reporter = reporter,
        };
        foreach (var (key, value) in values)
        {
            issue.Values[key] = value?.DeepClone();
        }

        Issues.Add(issue);
        return issue;
    }
}
