namespace ZohoJira.Core.Zoho.Models;

/// <summary>A Zoho Desk module the connector works with: its API name (the path segment), how a changed-records query is
/// answered, and which field is the record's title.</summary>
public sealed class ZohoModule
{
    private ZohoModule(string apiName, string displayName, string titleField, bool hasSearch, string? webUrlSection,
        ZohoCommentSupport comments = ZohoCommentSupport.None, ZohoAttachmentSupport attachments = ZohoAttachmentSupport.None)
    {
        ApiName = apiName;
        DisplayName = displayName;
        TitleField = titleField;
        HasSearch = hasSearch;
        WebUrlSection = webUrlSection;
        Comments = comments;
        Attachments = attachments;
    }

    public static ZohoModule Tickets { get; } = new("tickets", "Tickets", "subject", true, "Cases", ZohoCommentSupport.UpdateWithPatch, ZohoAttachmentSupport.ListAndUpload);

    public static ZohoModule Contacts { get; } = new("contacts", "Contacts", "lastName", true, "Contacts", ZohoCommentSupport.UpdateWithPut, ZohoAttachmentSupport.ListAndUpload);

    public static ZohoModule Accounts { get; } = new("accounts", "Accounts", "accountName", true, "Accounts", ZohoCommentSupport.UpdateWithPut, ZohoAttachmentSupport.ListAndUpload);

    public static ZohoModule Tasks { get; } = new("tasks", "Tasks", "subject", true, "Tasks", ZohoCommentSupport.UpdateWithPut, ZohoAttachmentSupport.ListAndUpload);

    public static ZohoModule Calls { get; } = new("calls", "Calls", "subject", true, "Calls", ZohoCommentSupport.UpdateWithPut, ZohoAttachmentSupport.UploadOnly);

    public static ZohoModule Events { get; } = new("events", "Events", "subject", true, "Events", ZohoCommentSupport.UpdateWithPut, ZohoAttachmentSupport.ListAndUpload);

    public static ZohoModule Products { get; } = new("products", "Products", "productName", true, "Products", attachments: ZohoAttachmentSupport.ListAndUpload);

    /// <summary>Contracts have no search API: changes are listed sorted by modified time instead.</summary>
    public static ZohoModule Contracts { get; } = new("contracts", "Contracts", "contractName", false, "Contracts", ZohoCommentSupport.UpdateWithPatch);

    /// <summary>Time entries live under their ticket: record ids are "ticketId:timeEntryId".</summary>
    public static ZohoModule TimeEntries { get; } = new("timeEntry", "Time Entries", "description", false, null);

    public static IReadOnlyList<ZohoModule> All { get; } =
        [Tickets, Contacts, Accounts, Tasks, Calls, Events, Products, Contracts, TimeEntries];

    /// <summary>The API name used in paths and in <c>organizationFields?module=</c>.</summary>
    public string ApiName { get; }

    public string DisplayName { get; }

    /// <summary>The field that names a record (subject, lastName, accountName...).</summary>
    public string TitleField { get; }

    /// <summary>True when Zoho offers <c>/{module}/search</c> (modifiedTimeRange, _all).</summary>
    public bool HasSearch { get; }

    internal string? WebUrlSection { get; }

    /// <summary>Whether Zoho documents comments on this module (its <c>*Comments.json</c>) and how a comment is changed.</summary>
    public ZohoCommentSupport Comments { get; }

    /// <summary>Whether Zoho documents listing and uploading this module's attachments (its <c>*Attachment.json</c>).</summary>
    public ZohoAttachmentSupport Attachments { get; }

    public bool HasComments => Comments != ZohoCommentSupport.None;

    public bool ListsAttachments => Attachments == ZohoAttachmentSupport.ListAndUpload;

    public bool AcceptsAttachments => Attachments != ZohoAttachmentSupport.None;

    public static ZohoModule? FromApiName(string? apiName) =>
        All.FirstOrDefault(m => string.Equals(m.ApiName, apiName, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => ApiName;
}
