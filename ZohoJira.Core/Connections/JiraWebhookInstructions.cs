namespace ZohoJira.Core.Connections;

/// <summary>What an admin enters in Jira (Settings › System › WebHooks) when the connector does not register the webhook
/// itself: the URL, the secret, the events and the JQL filter.</summary>
public sealed record JiraWebhookInstructions(Uri Url, string Secret, IReadOnlyList<string> Events, string? JqlFilter)
{
    public override string ToString() => $"{Url} ({string.Join(", ", Events)})";
}
