namespace ZohoJira.Core.Jira.Http.Wire;

internal sealed class WireProject
{
    public string? Id { get; set; }

    public string? Key { get; set; }

    public string? Name { get; set; }

    public string? ProjectTypeKey { get; set; }
}

internal sealed class WireProjectPage
{
    public List<WireProject>? Values { get; set; }

    public long? StartAt { get; set; }

    public int? MaxResults { get; set; }

    public long? Total { get; set; }

    public bool? IsLast { get; set; }
}
