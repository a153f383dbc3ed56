using System.Text;
using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.JiraCloud;

/// <summary>The demo site: three projects with different issue types, create screens and workflows (one transition needs a
/// resolution, another a resolution and a root cause), system and custom fields with options, and 30 issues with comments
/// and attachments. Deterministic: the same every run.</summary>
internal static class JiraSandboxSeed
{
    public const string Bug = "10001";
    public const string Task = "10002";
    public const string SupportRequest = "10003";
    public const string Story = "10004";
    public const string Incident = "10005";

    public const string ZohoTicketField = "customfield_10050";
    public const string CustomerTierField = "customfield_10051";
    public const string RootCauseField = "customfield_10052";
    public const string SeverityField = "customfield_10054";

    private const string TextField = "com.atlassian.jira.plugin.system.customfieldtypes:textfield";
    private const string TextArea = "com.atlassian.jira.plugin.system.customfieldtypes:textarea";
    private const string Select = "com.atlassian.jira.plugin.system.customfieldtypes:select";

    public static void Populate(JiraSandboxState state)
    {
        var now = state.Time.GetUtcNow();
        var connector = new SimAccount(JiraSandboxAccounts.ConnectorAccountId, JiraSandboxAccounts.ConnectorEmail, "ZohoJira Connector",
            JiraSandboxAccounts.ConnectorApiToken, IsAdmin: true, "app");
        var mia = new SimAccount(JiraSandboxAccounts.UserAccountId, JiraSandboxAccounts.UserEmail, "Mia Krystof",
            JiraSandboxAccounts.UserApiToken, IsAdmin: false, "atlassian");
        var sam = new SimAccount("5b10ac8d82e05b22cc7d4ef5", "sam.rivera@sandbox.example", "Sam Rivera", "sandbox-sam-token", IsAdmin: false, "atlassian");
        state.Accounts.AddRange([connector, mia, sam]);

        var todo = new SimStatusCategory(2, "new", "To Do", "blue-gray");
        var doing = new SimStatusCategory(4, "indeterminate", "In Progress", "yellow");
        var done = new SimStatusCategory(3, "done", "Done", "green");
        foreach (var c in new[] { todo, doing, done })
        {
            state.Categories[c.Id] = c;
        }

        AddStatuses(state,
            new SimStatus("10000", "Open", todo, "The issue is open and ready for the assignee to start work on it."),
            new SimStatus("3", "In Progress", doing, "This issue is being actively worked on at the moment by the assignee."),
            new SimStatus("10001", "Waiting for Customer", doing, "Waiting for an answer from the customer."),
            new SimStatus("10002", "Resolved", done, "A resolution has been taken."),
            new SimStatus("10003", "To Do", todo, string.Empty),
            new SimStatus("10004", "In Review", doing, "The change is being reviewed."),
            new SimStatus("10005", "Done", done, string.Empty),
            new SimStatus("10006", "Investigating", doing, "The incident is being investigated."),
            new SimStatus("10007", "Closed", done, "The incident is closed."));

        AddFields(state);
        foreach (var t in new[]
        {
            new SimIssueType(Bug, "Bug", "A problem or error.", false, 0),
            new SimIssueType(Task, "Task", "A small, distinct piece of work.", false, 0),
            new SimIssueType(SupportRequest, "Support Request", "A customer request raised through the help desk.", false, 0),
            new SimIssueType(Story, "Story", "Functionality or a feature expressed as a user goal.", false, 0),
            new SimIssueType(Incident, "Incident", "An unplanned interruption of a service.", false, 0),
        })
        {
            state.IssueTypes[t.Id] = t;
        }

        var resolutionRequired = new[] { new SimScreenField("resolution", true) };
        var support = new SimProject("10000", "SUP", "Customer Support", "service_desk", [SupportRequest, Bug, Task],
            new SimWorkflow("Support workflow", "10000",
            [
                new SimTransition("11", "Start progress", "10000", "3", []),
                new SimTransition("21", "Wait for customer", "3", "10001", []),
                new SimTransition("31", "Respond to support", "10001", "3", []),
                new SimTransition("41", "Resolve", null, "10002", resolutionRequired),
                new SimTransition("51", "Reopen", "10002", "10000", []),
            ]),
            new Dictionary<string, IReadOnlyList<SimScreenField>>
            {
                [SupportRequest] = Screen(R("summary"), O("description"), R(ZohoTicketField), O(CustomerTierField), D("priority", Medium()), O("labels"), O("reporter")),
                [Bug] = Screen(R("summary"), O("description"), R("priority"), O("labels"), O(ZohoTicketField), O("assignee")),
                [Task] = Screen(R("summary"), O("description"), O("labels"), O("duedate")),
            },
            ["priority", "labels", "assignee", "duedate", ZohoTicketField, CustomerTierField]);

        var development = new SimProject("10001", "DEV", "Product Development", "software", [Bug, Story, Task],
            new SimWorkflow("Software workflow", "10003",
            [
                new SimTransition("11", "Start", "10003", "3", []),
                new SimTransition("21", "Ready for review", "3", "10004", []),
                new SimTransition("31", "Done", null, "10005", [new SimScreenField("resolution", false)]),
                new SimTransition("41", "Back to To Do", null, "10003", []),
            ]),
            new Dictionary<string, IReadOnlyList<SimScreenField>>
            {
                [Bug] = Screen(R("summary"), O("description"), D("priority", Medium()), O("labels"), R(SeverityField), O("assignee")),
                [Story] = Screen(R("summary"), O("description"), O("labels"), O("duedate"), O("assignee")),
                [Task] = Screen(R("summary"), O("description"), O("labels")),
            },
            ["priority", "labels", "assignee", "duedate", SeverityField]);

        var operations = new SimProject("10002", "OPS", "Operations", "business", [Incident, Task],
            new SimWorkflow("Incident workflow", "10000",
            [
                new SimTransition("11", "Investigate", "10000", "10006", []),
                new SimTransition("21", "Close", null, "10007", [new SimScreenField("resolution", true), new SimScreenField(RootCauseField, true)]),
                new SimTransition("31", "Reopen", "10007", "10000", []),
            ]),
            new Dictionary<string, IReadOnlyList<SimScreenField>>
            {
                [Incident] = Screen(R("summary"), O("description"), R(SeverityField), R("priority")),
                [Task] = Screen(R("summary"), O("description")),
            },
            ["priority", "labels", "assignee", SeverityField, RootCauseField]);
        state.Projects.AddRange([support, development, operations]);

        SeedIssues(state, now, connector, mia, sam);
    }

    private static void AddStatuses(JiraSandboxState state, params SimStatus[] statuses)
    {
        foreach (var s in statuses)
        {
            state.Statuses[s.Id] = s;
        }
    }

    private static void AddFields(JiraSandboxState state)
    {
        JsonObject Named(string id, string name) => new() { ["id"] = id, ["name"] = name };
        JsonObject Option(string id, string value) => new() { ["id"] = id, ["value"] = value };
        List<JsonObject> None() => [];

        state.Fields.AddRange(
        [
            new SimField("summary", "Summary", false, "string", null, "summary", null, null, None()),
            new SimField("description", "Description", false, "string", null, "description", null, null, None()),
            new SimField("issuetype", "Issue Type", false, "issuetype", null, "issuetype", null, null, None()),
            new SimField("project", "Project", false, "project", null, "project", null, null, None()),
            new SimField("status", "Status", false, "status", null, "status", null, null, None()),
            new SimField("priority", "Priority", false, "priority", null, "priority", null, null,
                [Named("1", "Highest"), Named("2", "High"), Named("3", "Medium"), Named("4", "Low"), Named("5", "Lowest")]),
            new SimField("resolution", "Resolution", false, "resolution", null, "resolution", null, null,
                [Named("10000", "Done"), Named("10001", "Won't Do"), Named("10002", "Duplicate"), Named("10003", "Cannot Reproduce")]),
            new SimField("labels", "Labels", false, "array", "string", "labels", null, null, None()),
            new SimField("assignee", "Assignee", false, "user", null, "assignee", null, null, None()),
            new SimField("reporter", "Reporter", false, "user", null, "reporter", null, null, None()),
            new SimField("duedate", "Due date", false, "date", null, "duedate", null, null, None()),
            new SimField("created", "Created", false, "datetime", null, "created", null, null, None()),
            new SimField("updated", "Updated", false, "datetime", null, "updated", null, null, None()),
            new SimField("attachment", "Attachment", false, "array", "attachment", "attachment", null, null, None()),
            new SimField("comment", "Comment", false, "comments-page", null, "comment", null, null, None()),
            new SimField(ZohoTicketField, "Zoho Ticket ID", true, "string", null, null, TextField, 10050, None()),
            new SimField(CustomerTierField, "Customer Tier", true, "option", null, null, Select, 10051,
                [Option("10100", "Gold"), Option("10101", "Silver"), Option("10102", "Bronze")]),
            new SimField(RootCauseField, "Root Cause", true, "string", null, null, TextArea, 10052, None()),
            new SimField(SeverityField, "Severity", true, "option", null, null, Select, 10054,
                [Option("10200", "Sev 1 - Critical"), Option("10201", "Sev 2 - Major"), Option("10202", "Sev 3 - Minor"), Option("10203", "Sev 4 - Cosmetic")]),
        ]);
    }

    private static JsonObject Medium() => new() { ["id"] = "3", ["name"] = "Medium" };

    private static SimScreenField R(string id) => new(id, true);

    private static SimScreenField O(string id) => new(id, false);

    private static SimScreenField D(string id, JsonNode value) => new(id, false, value);

    private static List<SimScreenField> Screen(params SimScreenField[] fields) =>
        [new SimScreenField("project", true), new SimScreenField("issuetype", true), .. fields];

    private static void SeedIssues(JiraSandboxState state, DateTimeOffset now, SimAccount connector, SimAccount mia, SimAccount sam)
    {
        (string Project, string Type, string Summary, string Status)[] issues =
        [
            ("SUP", SupportRequest, "Customer cannot export invoices to PDF", "3"),
            ("SUP", SupportRequest, "Password reset e-mail never arrives", "10000"),
            ("SUP", Bug, "Dashboard shows totals in the wrong currency", "3"),
            ("SUP", SupportRequest, "Request to add a second billing contact", "10001"),
            ("SUP", SupportRequest, "Mobile app logs out after every update", "10000"),
            ("SUP", Bug, "CSV import skips rows with accented names", "10002"),
            ("SUP", Task, "Prepare the quarterly support report", "10000"),
            ("SUP", SupportRequest, "Single sign-on fails for the Berlin office", "3"),
            ("SUP", SupportRequest, "Invoice numbering restarted at 1", "10001"),
            ("SUP", Bug, "Search returns archived customers", "10000"),
            ("SUP", SupportRequest, "Cannot attach files larger than 5 MB", "10000"),
            ("SUP", Task, "Update the help-center article on exports", "10002"),
            ("DEV", Bug, "Export service times out on large accounts", "3"),
            ("DEV", Story, "As an admin I can schedule exports", "10003"),
            ("DEV", Story, "As an agent I see the customer's tier in the sidebar", "10004"),
            ("DEV", Bug, "Race condition when two agents edit one ticket", "10003"),
            ("DEV", Task, "Upgrade the PDF rendering library", "10005"),
            ("DEV", Bug, "Time zone offset lost when saving due dates", "3"),
            ("DEV", Story, "As a customer I can download all invoices at once", "10003"),
            ("DEV", Task, "Add metrics for the import pipeline", "10003"),
            ("DEV", Bug, "Accented characters garbled in e-mail subjects", "10005"),
            ("DEV", Story, "As an admin I can rotate API tokens", "10003"),
            ("OPS", Incident, "EU region API latency above 2 s", "10006"),
            ("OPS", Incident, "Nightly backup job failed", "10007"),
            ("OPS", Task, "Renew the TLS certificate for the status page", "10000"),
            ("OPS", Incident, "Webhook deliveries delayed by 20 minutes", "10000"),
            ("OPS", Task, "Rotate database credentials", "10000"),
            ("OPS", Incident, "Login page returned 502 for 4 minutes", "10007"),
            ("OPS", Task, "Document the on-call escalation path", "10000"),
            ("OPS", Incident, "Disk usage alert on the search cluster", "10006"),
        ];

        var people = new[] { mia, sam };
        string[] labelPool = ["customer", "billing", "export", "mobile", "sso", "backend", "ui", "infra"];
        string[] commentTexts =
        [
            "I could reproduce this with the customer's data set.",
            "Customer confirmed the workaround helps for now.",
            "Logs attached; the error starts right after the nightly job.",
            "Fix is ready for review.",
            "Waiting for the customer to send a screenshot.",
        ];

        for (var i = 0; i < issues.Length; i++)
        {
            var (projectKey, type, summary, status) = issues[i];
            var project = state.FindProject(projectKey)!;
            var reporter = people[i % 2];
            var created = now.AddDays(-(issues.Length - i)).AddHours(-(i % 5));
            var values = new JsonObject
            {
                ["summary"] = summary,
                ["description"] = SimAdf.Doc($"{summary}.", "Steps to reproduce and the customer's environment are in the comments."),
                ["priority"] = new JsonObject { ["id"] = ((i % 4) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ["name"] = (i % 4) switch { 0 => "Highest", 1 => "High", 2 => "Medium", _ => "Low" } },
                ["labels"] = new JsonArray(labelPool[i % labelPool.Length], labelPool[(i + 3) % labelPool.Length]),
            };
            if (projectKey == "SUP")
            {
                values[ZohoTicketField] = (48200 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
                values[CustomerTierField] = state.FindField(CustomerTierField)!.AllowedValues[i % 3].DeepClone();
            }

            if (type is Bug or Incident)
            {
                values[SeverityField] = state.FindField(SeverityField)!.AllowedValues[i % 4].DeepClone();
            }

            if (i % 3 == 0)
            {
                values["assignee"] = new JsonObject { ["accountId"] = people[(i + 1) % 2].AccountId };
            }

            var issue = state.AddIssue(project, type, reporter, values, created);
            issue.StatusId = status;
            if (state.Statuses[status].Category.Key == "done")
            {
                issue.Values["resolution"] = new JsonObject { ["id"] = "10000", ["name"] = "Done" };
                issue.Values["resolutiondate"] = Format(created.AddHours(20));
                if (projectKey == "OPS")
                {
                    issue.Values[RootCauseField] = SimAdf.Doc("A configuration change rolled out without a canary.");
                }
            }

            var commentCount = i % 4;
            for (var c = 0; c < commentCount; c++)
            {
                var author = people[(i + c) % 2];
                var at = created.AddHours(c + 1);
                issue.Comments.Add(new SimComment
                {
                    Id = state.NextCommentId(),
                    Author = author,
                    UpdateAuthor = author,
                    Body = SimAdf.Doc(commentTexts[(i + c) % commentTexts.Length]),
                    Created = at,
                    Updated = at,
                });
            }

            if (i % 3 == 1)
            {
                var text = Encoding.UTF8.GetBytes($"Log excerpt for {issue.Key}\n2026-01-05 10:02:11 ERROR export failed: timeout after 30000 ms\n");
                var attachment = new SimAttachment
                {
                    Id = state.NextAttachmentId(),
                    IssueId = issue.Id,
                    FileName = $"{issue.Key.ToLowerInvariant()}-log.txt",
                    MimeType = "text/plain",
                    Content = text,
                    Author = reporter,
                    Created = created.AddMinutes(30),
                };
                issue.Attachments.Add(attachment);
                state.Attachments[attachment.Id] = attachment;
            }

            issue.Updated = issue.Comments.Count > 0 ? issue.Comments[^1].Updated : created.AddMinutes(45);
        }
    }

    private static string Format(DateTimeOffset instant) => JiraSandboxJson.Date(instant);
}
