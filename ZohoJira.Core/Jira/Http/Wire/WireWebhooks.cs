namespace ZohoJira.Core.Jira.Http.Wire;

/// <summary>The admin webhook resource of <c>/rest/webhooks/1.0/webhook</c> (not in the v3 OpenAPI document).</summary>
internal sealed class WireWebhook
{
    public string? Name { get; set; }

    public string? Url { get; set; }

    public List<string>? Events { get; set; }

    public Dictionary<string, string>? Filters { get; set; }

    public bool? ExcludeBody { get; set; }

    public bool? Enabled { get; set; }

    public string? Secret { get; set; }

    public string? Self { get; set; }
}
