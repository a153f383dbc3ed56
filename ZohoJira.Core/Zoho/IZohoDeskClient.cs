using System.Text.Json.Nodes;
using ZohoJira.Core.Common;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Zoho;

/// <summary>The connector's view of one connected Zoho Desk organization. Every failure is an
/// <see cref="ExternalApiException"/> with <see cref="ExternalSystem.ZohoDesk"/> (or ZohoAccounts for token problems).</summary>
public interface IZohoDeskClient
{
    /// <summary>The organization this client works in.</summary>
    string OrgId { get; }

    Task<IReadOnlyList<ZohoOrganization>> ListOrganizationsAsync(CancellationToken cancellationToken = default);

    /// <summary>The record, or null when it is gone (deleted, trashed or never existed).</summary>
    Task<ZohoRecord?> GetRecordAsync(ZohoModule module, string id, CancellationToken cancellationToken = default);

    /// <summary>Records modified at or after <paramref name="since"/>, oldest change first, one page at a time. Pass the
    /// previous page's continuation to go on; it is opaque and safe to persist. A record can appear twice where the
    /// query window is split, never not at all.</summary>
    Task<Page<ZohoRecord>> ListChangedAsync(ZohoModule module, DateTimeOffset since, string? continuation, CancellationToken cancellationToken = default);

    /// <summary>Free-text search for the issue panel (title, number, name); a record id finds that record.</summary>
    Task<IReadOnlyList<ZohoRecord>> SearchAsync(ZohoModule module, string text, int limit = 20, CancellationToken cancellationToken = default);

    Task<ZohoRecord> CreateRecordAsync(ZohoModule module, JsonObject fields, CancellationToken cancellationToken = default);

    /// <summary>Changes a record with PATCH, sending only <paramref name="changedFields"/>.</summary>
    Task<ZohoRecord> UpdateRecordAsync(ZohoModule module, string id, JsonObject changedFields, CancellationToken cancellationToken = default);

    /// <summary>The module's fields; picklist fields carry their values in <see cref="ZohoField.AllowedValues"/> (the
    /// status field also each value's status type), as <c>organizationFields</c> returns them across all layouts.</summary>
    Task<IReadOnlyList<ZohoField>> GetFieldsAsync(ZohoModule module, CancellationToken cancellationToken = default);

    /// <summary>The module's layouts, of one department or of all.</summary>
    Task<IReadOnlyList<ZohoLayout>> ListLayoutsAsync(ZohoModule module, string? departmentId = null, CancellationToken cancellationToken = default);

    /// <summary>The fields of one layout, its sections flattened, picklists with the values this layout offers (no status
    /// types here: those come from <see cref="GetFieldsAsync"/>); null when the layout does not exist.</summary>
    Task<IReadOnlyList<ZohoField>?> GetLayoutFieldsAsync(string layoutId, CancellationToken cancellationToken = default);

    /// <summary>The organization's modules, standard and custom, each marked whether it is one of the nine polling modules.</summary>
    Task<IReadOnlyList<ZohoOrganizationModule>> ListModulesAsync(CancellationToken cancellationToken = default);

    /// <summary>Every department (enabled or not), read page by page.</summary>
    Task<IReadOnlyList<ZohoDepartment>> ListDepartmentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every agent with their e-mail address, read page by page.</summary>
    Task<IReadOnlyList<ZohoAgent>> ListAgentsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ZohoTicketStatus>> GetTicketStatusesAsync(CancellationToken cancellationToken = default);

    /// <summary>One page of a record's comments, oldest first, on a module that has them (<see cref="ZohoModule.HasComments"/>);
    /// pass the previous page's continuation for the next.</summary>
    Task<Page<ZohoComment>> ListCommentsAsync(ZohoModule module, string recordId, string? continuation = null, CancellationToken cancellationToken = default);

    /// <summary>One comment of a record; null when it (or the record) is gone.</summary>
    Task<ZohoComment?> GetCommentAsync(ZohoModule module, string recordId, string commentId, CancellationToken cancellationToken = default);

    Task<ZohoComment> CreateCommentAsync(ZohoModule module, string recordId, ZohoCommentInput comment, CancellationToken cancellationToken = default);

    /// <summary>Changes a comment with the method Zoho documents for the module (PATCH for tickets and contracts, PUT elsewhere).</summary>
    Task<ZohoComment> UpdateCommentAsync(ZohoModule module, string recordId, string commentId, ZohoCommentInput comment, CancellationToken cancellationToken = default);

    /// <summary>One page of the files attached to the record itself, oldest first, on a module that lists them
    /// (<see cref="ZohoModule.ListsAttachments"/>).</summary>
    Task<Page<ZohoAttachment>> ListAttachmentsAsync(ZohoModule module, string recordId, string? continuation = null, CancellationToken cancellationToken = default);

    /// <summary>One page of a ticket's threads.</summary>
    Task<Page<ZohoThread>> ListThreadsAsync(string ticketId, string? continuation = null, CancellationToken cancellationToken = default);

    /// <summary>The files of one ticket thread.</summary>
    Task<IReadOnlyList<ZohoAttachment>> ListThreadAttachmentsAsync(string ticketId, string threadId, CancellationToken cancellationToken = default);

    /// <summary>Opens an attachment (record or thread) for streaming.</summary>
    Task<ZohoFileDownload> DownloadAttachmentAsync(ZohoAttachment attachment, CancellationToken cancellationToken = default);

    /// <summary>Uploads a file to the record as the multipart part <c>file</c>, streaming it.</summary>
    Task<ZohoAttachment> UploadAttachmentAsync(ZohoModule module, string recordId, string fileName, Stream content, bool isPublic = false, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ZohoWebhook>> ListWebhooksAsync(CancellationToken cancellationToken = default);

    Task<ZohoWebhook> CreateWebhookAsync(ZohoWebhookInput webhook, CancellationToken cancellationToken = default);

    Task<ZohoWebhook> UpdateWebhookAsync(string webhookId, ZohoWebhookInput changes, CancellationToken cancellationToken = default);

    Task DeleteWebhookAsync(string webhookId, CancellationToken cancellationToken = default);
}
