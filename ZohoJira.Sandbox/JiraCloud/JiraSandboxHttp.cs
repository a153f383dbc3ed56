using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.JiraCloud;

/// <summary>Small helpers shared by the simulated endpoints: the site root of the request, the caller, Jira-style answers.</summary>
internal static class JiraSandboxHttp
{
    /// <summary>Jira writes apostrophes, non-ASCII letters and the like as they are, not as \u escapes.</summary>
    public static readonly JsonSerializerOptions WireJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Site(HttpContext http) =>
        $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{JiraSandboxAccounts.SitePath}";

    public static SimAccount Caller(HttpContext http) => (SimAccount)http.Items[JiraSandboxGate.AccountItem]!;

    public static IResult Json(JsonNode node, int status = 200) =>
        Results.Text(node.ToJsonString(WireJson), "application/json;charset=UTF-8", System.Text.Encoding.UTF8, status);

    public static IResult Error(int status, params string[] messages) => Json(JiraSandboxJson.Error(messages), status);

    public static IResult FieldErrors(int status, IDictionary<string, string> errors) => Json(JiraSandboxJson.Error(errors: errors), status);

    public static IResult IssueNotFound() => Error(404, "Issue does not exist or you do not have permission to see it.");

    public static async Task<(JsonNode? Body, IResult? Problem)> ReadJsonAsync(HttpContext http)
    {
        try
        {
            var node = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            return (node, null);
        }
        catch (JsonException)
        {
            return (null, Error(400, "Unexpected character in the request body: it is not valid JSON."));
        }
    }

    public static ISet<string> Split(string? list) =>
        (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>The per-issue write limits (Jira Cloud: 20 writes per 2 s and 100 per 30 s for one issue); null when the
    /// write may go ahead, otherwise the 429 with <c>Retry-After</c> and <c>RateLimit-Reason: jira-per-issue-on-write</c>.</summary>
    public static IResult? CheckWriteLimit(HttpContext http, SimIssue issue, JiraSandboxState state, JiraSandboxFaults faults)
    {
        var now = state.Time.GetUtcNow();
        var longWindow = TimeSpan.FromSeconds(30) > faults.PerIssueWriteWindow ? TimeSpan.FromSeconds(30) : faults.PerIssueWriteWindow;
        while (issue.RecentWrites.TryPeek(out var oldest) && now - oldest >= longWindow)
        {
            issue.RecentWrites.Dequeue();
        }

        var recent = issue.RecentWrites.Where(w => now - w < faults.PerIssueWriteWindow).ToList();
        TimeSpan? wait = null;
        if (recent.Count >= faults.PerIssueWriteLimit)
        {
            wait = faults.PerIssueWriteWindow - (now - recent[0]);
        }
        else if (issue.RecentWrites.Count >= faults.PerIssueLongWriteLimit)
        {
            wait = longWindow - (now - issue.RecentWrites.Peek());
        }

        if (wait is { } delay)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["RateLimit-Reason"] = "jira-per-issue-on-write";
            http.Response.Headers["X-RateLimit-Reset"] = now.AddSeconds(seconds).ToString("O", CultureInfo.InvariantCulture);
            return Error(429, "Too many writes to this issue; retry later.");
        }

        issue.RecentWrites.Enqueue(now);
        return null;
    }
}
