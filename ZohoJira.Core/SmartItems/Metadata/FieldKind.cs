namespace ZohoJira.Core.SmartItems.Metadata;

/// <summary>The kind of value a Jira or Zoho field holds, as far as mapping cares.</summary>
public enum FieldKind
{
    Text = 0,
    Number = 1,
    Date = 2,
    DateTime = 3,
    Boolean = 4,

    /// <summary>One value of a list (Jira select list, priority; Zoho picklist).</summary>
    Option = 5,

    MultiOption = 6,

    /// <summary>A person (Jira user; Zoho agent or contact), matched by e-mail.</summary>
    User = 7,

    /// <summary>Anything the connector does not map (attachments, rich objects).</summary>
    Other = 8,
}
