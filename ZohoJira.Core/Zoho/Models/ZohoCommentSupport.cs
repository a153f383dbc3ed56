namespace ZohoJira.Core.Zoho.Models;

/// <summary>What Zoho documents for a module's comments: none, or list/read/create plus the method that changes one.</summary>
public enum ZohoCommentSupport
{
    None = 0,

    /// <summary>Changed with PUT (accounts, contacts, calls, events, tasks).</summary>
    UpdateWithPut = 1,

    /// <summary>Changed with PATCH (tickets, contracts).</summary>
    UpdateWithPatch = 2,
}
