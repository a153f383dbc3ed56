namespace ZohoJira.Core.Jira.Models;

/// <summary>An admin webhook to register: where Jira calls, for which events, limited by a JQL filter, signed with a
/// secret (HMAC-SHA256 in <c>X-Hub-Signature</c>).</summary>
public sealed record JiraWebhookRegistration(string Name, Uri Url, IReadOnlyList<string> Events, string? JqlFilter, string? Secret)
{
    public override string ToString() => $"{Name} -> {Url}";
}
