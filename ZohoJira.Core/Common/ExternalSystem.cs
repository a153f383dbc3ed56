namespace ZohoJira.Core.Common;

/// <summary>The vendors the connector talks to.</summary>
public enum ExternalSystem
{
    ZohoAccounts,
    ZohoDesk,
    Jira,
}
