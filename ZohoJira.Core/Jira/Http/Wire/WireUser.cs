namespace ZohoJira.Core.Jira.Http.Wire;

internal sealed class WireUser
{
    public string? AccountId { get; set; }

    public string? AccountType { get; set; }

    public bool? Active { get; set; }

    public string? DisplayName { get; set; }

    public string? EmailAddress { get; set; }

    public string? TimeZone { get; set; }
}
