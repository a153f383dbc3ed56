namespace ZohoJira.Core.SmartItems.Metadata;

/// <summary>What validation checks a definition against: the Jira screens of its project + issue type and its Zoho
/// module. Either may be missing (not loaded, or not reachable); the checks that need it are then left out.</summary>
public sealed record SmartItemMetadata(JiraScreenMetadata? Jira, ZohoModuleMetadata? Zoho);
