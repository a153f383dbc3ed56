namespace ZohoJira.Core.Jira.Http.Wire;

/// <summary>Jira's error body: <c>{"errorMessages":[...],"errors":{"field":"message"}}</c>.</summary>
internal sealed class WireErrorCollection
{
    public List<string>? ErrorMessages { get; set; }

    public Dictionary<string, string>? Errors { get; set; }
}
