namespace ZohoJira.Core.SmartItems;

/// <summary>How a Jira comment appears when mirrored into Zoho.</summary>
public enum CommentVisibility
{
    Private = 0,
    Public = 1,
}
