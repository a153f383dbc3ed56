namespace ZohoJira.Core.Links;

/// <summary>Who made a link: a user in the issue panel, or auto-create (which users cannot unlink).</summary>
public enum LinkKind
{
    Manual = 0,
    AutoManaged = 1,
}
