using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;
using ZohoJira.Core.Common;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Zoho.Http.Wire;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Zoho.Http;

/// <summary>The Zoho Desk client of one connection: adds the OAuth token and the orgId header to every call, refreshes
/// once on INVALID_OAUTH, turns every failure into one <see cref="ExternalApiException"/>, and keeps Zoho's paging
/// (from/limit, 204 for empty, the search offset cap) inside.</summary>
internal sealed partial class ZohoDeskClient(
    HttpClient http,
    int connectionId,
    Uri deskUrl,
    string orgId,
    ZohoTokenService tokens,
    ZohoCreditMonitor credits,
    TimeProvider time,
    ILogger logger) : IZohoDeskClient
{
    public string OrgId { get; } = orgId;

    public async Task<IReadOnlyList<ZohoOrganization>> ListOrganizationsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => Get(ZohoDeskUrls.Organizations()), cancellationToken, withOrgId: false).ConfigureAwait(false);
        var list = await ReadAsync(response, ZohoDeskJsonContext.Default.ZohoDataListZohoOrganizationDto, cancellationToken).ConfigureAwait(false);
        return [.. (list?.Data ?? []).Where(o => o.Id is not null)
            .Select(o => new ZohoOrganization(o.Id!, o.CompanyName ?? o.PortalName ?? o.Id!, o.PortalName, o.Edition, o.IsDefault))];
    }

    public async Task<ZohoRecord?> GetRecordAsync(ZohoModule module, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        try
        {
            using var response = await SendAsync(() => Get(ZohoDeskUrls.Record(module, id)), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return null;
            }

            var record = await ReadRecordAsync(module, response, cancellationToken).ConfigureAwait(false);
            return record is null || IsTrashed(record) ? null : WithCompositeId(module, id, record);
        }
        catch (ExternalApiException ex) when (ex.Category == FailureCategory.NotFound
            || (ex.StatusCode == 422 && ex.VendorErrorCode == "INVALID_DATA"))
        {
            // Zoho answers 404 for a record that is gone, and 422 INVALID_DATA for an id it cannot have issued.
            return null;
        }
    }

    public async Task<Page<ZohoRecord>> ListChangedAsync(ZohoModule module, DateTimeOffset since, string? continuation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        var cursor = continuation is null
            ? new ZohoChangeCursor(since, TruncateToSeconds(time.GetUtcNow()).AddSeconds(1), 0)
            : ZohoChangeCursor.Decode(continuation);

        if (module == ZohoModule.Contracts)
        {
            return await ListChangedContractsAsync(cursor, cancellationToken).ConfigureAwait(false);
        }

        var searchModule = module == ZohoModule.TimeEntries ? ZohoModule.Tickets : module;
        var (items, next) = await SearchWindowAsync(searchModule, cursor, cancellationToken).ConfigureAwait(false);
        if (module == ZohoModule.TimeEntries)
        {
            // Time entries have no search API: read them from the tickets that changed in the same window.
            var entries = new List<ZohoRecord>();
            foreach (var ticket in items)
            {
                entries.AddRange(await ListTimeEntriesAsync(ticket.Id, cursor.WindowStart, cursor.WindowEnd, cancellationToken).ConfigureAwait(false));
            }

            return new Page<ZohoRecord>(entries, next?.Encode());
        }

        return new Page<ZohoRecord>(items, next?.Encode());
    }

    public async Task<IReadOnlyList<ZohoRecord>> SearchAsync(ZohoModule module, string text, int limit = 20, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        limit = Math.Clamp(limit, 1, ZohoDeskUrls.PageSize);
        var results = new List<ZohoRecord>();
        if (text.Length >= 10 && text.All(char.IsAsciiDigit) && module != ZohoModule.TimeEntries
            && await GetRecordAsync(module, text, cancellationToken).ConfigureAwait(false) is { } byId)
        {
            results.Add(byId);
        }

        if (text.Length < 3 || module == ZohoModule.TimeEntries)
        {
            return results;
        }

        var url = module.HasSearch ? ZohoDeskUrls.SearchText(module, $"*{text}*", limit) : ZohoDeskUrls.ContractsByName(text, limit);
        using var response = await SendAsync(() => Get(url), cancellationToken).ConfigureAwait(false);
        foreach (var record in await ReadRecordsAsync(module, response, cancellationToken).ConfigureAwait(false))
        {
            if (results.All(r => r.Id != record.Id))
            {
                results.Add(record);
            }
        }

        return results;
    }

    public async Task<ZohoRecord> CreateRecordAsync(ZohoModule module, JsonObject fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(fields);
        if (module == ZohoModule.TimeEntries)
        {
            var ticketId = fields["ticketId"]?.GetValue<string>()
                ?? throw new ArgumentException("A time entry needs the ticketId field.", nameof(fields));
            var body = fields.DeepClone().AsObject();
            body.Remove("ticketId");
            using var created = await SendAsync(() => Json(HttpMethod.Post, ZohoDeskUrls.TicketTimeEntries(ticketId), body), cancellationToken).ConfigureAwait(false);
            var entry = await ReadRecordAsync(module, created, cancellationToken).ConfigureAwait(false) ?? throw EmptyAnswer();
            return WithCompositeId(module, $"{ticketId}:{entry.Id}", entry);
        }

        using var response = await SendAsync(() => Json(HttpMethod.Post, ZohoDeskUrls.Records(module), fields), cancellationToken).ConfigureAwait(false);
        return await ReadRecordAsync(module, response, cancellationToken).ConfigureAwait(false) ?? throw EmptyAnswer();
    }

    public async Task<ZohoRecord> UpdateRecordAsync(ZohoModule module, string id, JsonObject changedFields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(changedFields);

        // Zoho documents PUT for time entries and PATCH (partial) for everything else.
        var method = module == ZohoModule.TimeEntries ? HttpMethod.Put : HttpMethod.Patch;
        using var response = await SendAsync(() => Json(method, ZohoDeskUrls.Record(module, id), changedFields), cancellationToken).ConfigureAwait(false);
        var record = await ReadRecordAsync(module, response, cancellationToken).ConfigureAwait(false) ?? throw EmptyAnswer();
        return WithCompositeId(module, id, record);
    }

    public async Task<IReadOnlyList<ZohoField>> GetFieldsAsync(ZohoModule module, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var response = await SendAsync(() => Get(ZohoDeskUrls.Fields(module)), cancellationToken).ConfigureAwait(false);
        var list = await ReadAsync(response, ZohoDeskJsonContext.Default.ZohoDataListZohoFieldDto, cancellationToken).ConfigureAwait(false);
        return [.. (list?.Data ?? []).Where(f => f.ApiName is not null).Select(ToField)];
    }

    public async Task<IReadOnlyList<ZohoLayout>> ListLayoutsAsync(ZohoModule module, string? departmentId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var response = await SendAsync(() => Get(ZohoDeskUrls.Layouts(module, departmentId)), cancellationToken).ConfigureAwait(false);
        var list = await ReadAsync(response, ZohoDeskJsonContext.Default.ZohoDataListZohoLayoutDto, cancellationToken).ConfigureAwait(false);
        return [.. (list?.Data ?? []).Where(l => l.Id is not null).Select(l => new ZohoLayout(
            l.Id!,
            l.LayoutDisplayName ?? l.LayoutName ?? l.Id!,
            l.DepartmentId,
            l.IsDefaultLayout ?? false,
            !string.Equals(l.Status, "inactive", StringComparison.OrdinalIgnoreCase)))];
    }

    public async Task<IReadOnlyList<ZohoField>?> GetLayoutFieldsAsync(string layoutId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(layoutId);
        try
        {
            using var response = await SendAsync(() => Get(ZohoDeskUrls.Layout(layoutId)), cancellationToken).ConfigureAwait(false);
            var layout = await ReadAsync(response, ZohoDeskJsonContext.Default.ZohoLayoutDto, cancellationToken).ConfigureAwait(false);
            return layout is null
                ? null
                : [.. (layout.Sections ?? []).SelectMany(s => s.Fields ?? []).Where(f => f.ApiName is not null).Select(ToField)];
        }
        catch (ExternalApiException ex) when (ex.Category == FailureCategory.NotFound
            || (ex.StatusCode == 422 && ex.VendorErrorCode == "INVALID_DATA"))
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ZohoOrganizationModule>> ListModulesAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() =>
        {
            var request = Get(ZohoDeskUrls.OrganizationModules());
            request.Headers.Add("featureFlags", ZohoDeskUrls.CustomModuleFeatureFlag);
            return request;
        }, cancellationToken).ConfigureAwait(false);
        var list = await ReadAsync(response, ZohoDeskJsonContext.Default.ZohoDataListZohoOrganizationModuleDto, cancellationToken).ConfigureAwait(false);
        return [.. (list?.Data ?? []).Where(m => m.ApiName is not null).Select(m => new ZohoOrganizationModule(
            m.Id ?? string.Empty,
            m.ApiName!,
            m.DisplayLabel ?? m.PluralLabel ?? m.ApiName!,
            m.SingularLabel,
            m.NameField,
            m.IsCustomModule ?? false,
            m.IsCustomModule == true ? null : ZohoModule.FromApiName(m.ApiName)))];
    }

    public async Task<IReadOnlyList<ZohoDepartment>> ListDepartmentsAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<ZohoDepartment>();
        for (var from = 0; ; from += ZohoDeskUrls.DirectoryPageSize)
        {
            var offset = from;
            using var response = await SendAsync(() => Get(ZohoDeskUrls.Departments(offset)), cancellationToken).ConfigureAwait(false);
            var page = await ReadAsync(response, ZohoDeskJsonContext.Default.ZohoDataListZohoDepartmentDto, cancellationToken).ConfigureAwait(false);
            var items = page?.Data ?? [];
            all.AddRange(items.Where(d => d.Id is not null)
                .Select(d => new ZohoDepartment(d.Id!, d.Name ?? d.Id!, d.IsEnabled ?? true, d.IsDefault ?? false, d.Description)));
            if (items.Count < ZohoDeskUrls.DirectoryPageSize)
            {
                return all;
            }
        }
    }

    public async Task<IReadOnlyList<ZohoAgent>> ListAgentsAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<ZohoAgent>();
        for (var from = 0; ; from += ZohoDeskUrls.DirectoryPageSize)
        {
            var offset = from;
            using var response = await SendAsync(() => Get(ZohoDeskUrls.Agents(offset)), cancellationToken).ConfigureAwait(false);
            var page = await ReadAsync(response, ZohoDeskJsonContext.Default.ZohoDataListZohoAgentDto, cancellationToken).ConfigureAwait(false);
            var items = page?.Data ?? [];
            all.AddRange(items.Where(a => a.Id is not null).Select(a => new ZohoAgent(
                a.Id!,
                a.Name ?? string.Join(' ', new[] { a.FirstName, a.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))),
                a.FirstName,
                a.LastName,
                a.EmailId,
                a.Status,
                a.IsConfirmed ?? true)));
            if (items.Count < ZohoDeskUrls.DirectoryPageSize)
            {
                return all;
            }
        }
    }

    public async Task<IReadOnlyList<ZohoTicketStatus>> GetTicketStatusesAsync(CancellationToken cancellationToken = default)
    {
        var fields = await GetFieldsAsync(ZohoModule.Tickets, cancellationToken).ConfigureAwait(false);
        var status = fields.FirstOrDefault(f => f.IsStatusField);
        return status is null ? [] : [.. status.AllowedValues.Select(v => new ZohoTicketStatus(v.Value, v.StatusType ?? "Open"))];
    }

    public async Task<Page<ZohoComment>> ListCommentsAsync(ZohoModule module, string recordId, string? continuation = null, CancellationToken cancellationToken = default)
    {
        var from = Offset(continuation);
        RequireComments(module, recordId);
        using var response = await SendAsync(() => Get(ZohoDeskUrls.Comments(module, recordId, from)), cancellationToken).ConfigureAwait(false);
        var page = await ReadAsync(response, ZohoDeskJsonContext.Default.ZohoDataListZohoCommentDto, cancellationToken).ConfigureAwait(false);
        var items = page?.Data ?? [];
        return new Page<ZohoComment>([.. items.Where(c => c.Id is not null).Select(ToComment)], Next(from, items.Count, ZohoDeskUrls.PageSize));
    }

    public async Task<ZohoComment?> GetCommentAsync(ZohoModule module, string recordId, string commentId, CancellationToken cancellationToken = default)
    {
        RequireComments(module, recordId);
        ArgumentException.ThrowIfNullOrWhiteSpace(commentId);
        try
        {
            using var response = await SendAsync(() => Get(ZohoDeskUrls.Comment(module, recordId, commentId)), cancellationToken).ConfigureAwait(false);
            var comment = await ReadAsync(response, ZohoDeskJsonContext.Default.ZohoCommentDto, cancellationToken).ConfigureAwait(false);
            return comment?.Id is null ? null : ToComment(comment);
        }
        catch (ExternalApiException ex) when (ex.Category == FailureCategory.NotFound)
        {
            return null;
        }
    }

    public async Task<ZohoComment> CreateCommentAsync(ZohoModule module, string recordId, ZohoCommentInput comment, CancellationToken cancellationToken = default)
    {
        RequireComments(module, recordId);
        ArgumentNullException.ThrowIfNull(comment);
        using var response = await SendAsync(() => Json(HttpMethod.Post, ZohoDeskUrls.NewComment(module, recordId), ToRequest(comment),
            ZohoDeskJsonContext.Default.ZohoCommentRequestDto), cancellationToken).ConfigureAwait(false);
        return ToComment(await ReadAsync(response, ZohoDeskJsonContext.Default.ZohoCommentDto, cancellationToken).ConfigureAwait(false) ?? throw EmptyAnswer());
    }

    public async Task<ZohoComment> UpdateCommentAsync(ZohoModule module, string recordId, string commentId, ZohoCommentInput comment, CancellationToken cancellationToken = default)
    {
        RequireComments(module, recordId);
        ArgumentException.ThrowIfNullOrWhiteSpace(commentId);
        ArgumentNullException.ThrowIfNull(comment);
        var method = module.Comments == ZohoCommentSupport.UpdateWithPatch ? HttpMethod.Patch : HttpMethod.Put;
        using var response = await SendAsync(() => Json(method, ZohoDeskUrls.Comment(module, recordId, commentId), ToRequest(comment),
            ZohoDeskJsonContext.Default.ZohoCommentRequestDto), cancellationToken).ConfigureAwait(false);
        return ToComment(await ReadAsync(response, ZohoDeskJsonContext.Default.ZohoCommentDto, cancellationToken).ConfigureAwait(false) ?? throw EmptyAnswer());
    }

    public async Task<Page<ZohoAttachment>> ListAttachmentsAsync(ZohoModule module, string recordId, string? continuation = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordId);
        if (!module.ListsAttachments)
        {
            throw new ArgumentException($"Zoho Desk does not list the attachments of {module.DisplayName}.", nameof(module));
        }

        var from = Offset(continuation);
        using var response = await SendAsync(() => Get(ZohoDeskUrls.Attachments(module, recordId, from)), cancellationToken).ConfigureAwait(false);
        var page = await ReadAsync(response, ZohoDeskJsonContext.Default.ZohoDataListZohoAttachmentDto, cancellationToken).ConfigureAwait(false);
        var items = page?.Data ?? [];
        return new Page<ZohoAttachment>([.. items.Where(a => a.Id is not null).Select(a => ToAttachment(a, null))], Next(from, items.Count, ZohoDeskUrls.PageSize));
    }

    public async Task<Page<ZohoThread>> ListThreadsAsync(string ticketId, string? continuation = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticketId);
        var from = Offset(continuation);
        using var response = await SendAsync(() => Get(ZohoDeskUrls.Threads(ticketId, from)), cancellationToken).ConfigureAwait(false);
        var page = await ReadAsync(response, ZohoDeskJsonContext.Default.ZohoDataListZohoThreadDto, cancellationToken).ConfigureAwait(false);
        var items = page?.Data ?? [];
        return new Page<ZohoThread>([.. items.Where(t => t.Id is not null).Select(t => new ZohoThread(t.Id!, t.Channel, t.Direction, t.Summary,
            ParseTime(t.CreatedTime), int.TryParse(t.AttachmentCount, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0))],
            Next(from, items.Count, ZohoDeskUrls.ThreadPageSize));
    }

    public async Task<IReadOnlyList<ZohoAttachment>> ListThreadAttachmentsAsync(string ticketId, string threadId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticketId);
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        using var response = await SendAsync(() => Get(ZohoDeskUrls.Thread(ticketId, threadId)), cancellationToken).ConfigureAwait(false);
        var thread = await ReadAsync(response, ZohoDeskJsonContext.Default.ZohoThreadDto, cancellationToken).ConfigureAwait(false);
        return [.. (thread?.Attachments ?? []).Select(a => ToAttachment(a, threadId))];
    }

    public async Task<ZohoFileDownload> DownloadAttachmentAsync(ZohoAttachment attachment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var href = attachment.Href ?? throw new ArgumentException("The attachment has no download address.", nameof(attachment));
        if (!href.ToString().StartsWith(deskUrl.ToString().TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase))
        {
            // Outbound calls only go to the configured Zoho Desk host.
            throw new ExternalApiException(ExternalSystem.ZohoDesk, FailureCategory.Validation,
                $"The attachment {attachment.Name} points outside the Zoho Desk host; it was not downloaded.");
        }

        var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, href), cancellationToken).ConfigureAwait(false);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var headers = response.Content.Headers;
            var name = headers.ContentDisposition?.FileNameStar ?? headers.ContentDisposition?.FileName?.Trim('"') ?? attachment.Name;
            return new ZohoFileDownload(stream, name, headers.ContentType?.MediaType, headers.ContentLength, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public async Task<ZohoAttachment> UploadAttachmentAsync(ZohoModule module, string recordId, string fileName, Stream content, bool isPublic = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordId);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var start = content.CanSeek ? content.Position : -1;
        var attempts = 0;
        HttpRequestMessage Build()
        {
            if (attempts++ > 0)
            {
                if (start < 0)
                {
                    throw new ExternalApiException(ExternalSystem.ZohoDesk, FailureCategory.Transient,
                        "The upload could not be repeated after the token refresh; it will be retried.");
                }

                content.Position = start;
            }

            var file = new StreamContent(new UndisposedStream(content));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            var form = new MultipartFormDataContent { { file, "file", fileName } };
            return new HttpRequestMessage(HttpMethod.Post, ZohoDeskUrls.Upload(module, recordId, isPublic)) { Content = form };
        }

        using var response = await SendAsync(Build, cancellationToken).ConfigureAwait(false);
        var attachment = await ReadAsync(response, ZohoDeskJsonContext.Default.ZohoAttachmentDto, cancellationToken).ConfigureAwait(false) ?? throw EmptyAnswer();
        return ToAttachment(attachment, null);
    }

    public async Task<IReadOnlyList<ZohoWebhook>> ListWebhooksAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => Get(ZohoDeskUrls.Webhooks()), cancellationToken).ConfigureAwait(false);
        var list = await ReadAsync(response, ZohoDeskJsonContext.Default.ZohoDataListZohoWebhookDto, cancellationToken).ConfigureAwait(false);
        return [.. (list?.Data ?? []).Where(w => w.Id is not null).Select(ToWebhook)];
    }

    public async Task<ZohoWebhook> CreateWebhookAsync(ZohoWebhookInput webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        if (webhook.Url is null || webhook.Subscriptions is null)
        {
            throw new ArgumentException("A new webhook needs a URL and subscriptions.", nameof(webhook));
        }

        using var response = await SendAsync(() => Json(HttpMethod.Post, ZohoDeskUrls.Webhooks(), ToBody(webhook)), cancellationToken).ConfigureAwait(false);
        return ToWebhook(await ReadAsync(response, ZohoDeskJsonContext.Default.ZohoWebhookDto, cancellationToken).ConfigureAwait(false) ?? throw EmptyAnswer());
    }

    public async Task<ZohoWebhook> UpdateWebhookAsync(string webhookId, ZohoWebhookInput changes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(webhookId);
        ArgumentNullException.ThrowIfNull(changes);
        using var response = await SendAsync(() => Json(HttpMethod.Patch, ZohoDeskUrls.Webhook(webhookId), ToBody(changes)), cancellationToken).ConfigureAwait(false);
        return ToWebhook(await ReadAsync(response, ZohoDeskJsonContext.Default.ZohoWebhookDto, cancellationToken).ConfigureAwait(false) ?? throw EmptyAnswer());
    }

    public async Task DeleteWebhookAsync(string webhookId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(webhookId);
        try
        {
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, ZohoDeskUrls.Webhook(webhookId)), cancellationToken).ConfigureAwait(false);
        }
        catch (ExternalApiException ex) when (ex.Category == FailureCategory.NotFound)
        {
            // Already gone: deleting is done.
        }
    }

    private async Task<(List<ZohoRecord> Items, ZohoChangeCursor? Next)> SearchWindowAsync(ZohoModule module, ZohoChangeCursor cursor, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => Get(ZohoDeskUrls.Search(module, cursor.WindowStart, cursor.WindowEnd, cursor.From)), cancellationToken)
            .ConfigureAwait(false);
        var items = await ReadRecordsAsync(module, response, cancellationToken).ConfigureAwait(false);
        if (items.Count < ZohoDeskUrls.PageSize)
        {
            return (items, null);
        }

        var nextFrom = cursor.From + ZohoDeskUrls.PageSize;
        if (nextFrom <= ZohoDeskUrls.MaxSearchFrom)
        {
            return (items, cursor with { From = nextFrom });
        }

        // The search offset cap is reached: go on with a window that starts at the newest change read so far. Records
        // sharing that instant are read again rather than skipped.
        var newest = items.Max(r => r.ModifiedTime) ?? cursor.WindowStart;
        var start = newest > cursor.WindowStart ? newest : cursor.WindowStart.AddSeconds(1);
        LogWindowSplit(logger, module.ApiName, cursor.WindowStart, start);
        return (items, new ZohoChangeCursor(start, cursor.WindowEnd, 0));
    }

    private async Task<Page<ZohoRecord>> ListChangedContractsAsync(ZohoChangeCursor cursor, CancellationToken cancellationToken)
    {
        // Contracts have no search API: list them newest change first and stop at the first one older than the window.
        using var response = await SendAsync(() => Get(ZohoDeskUrls.ContractsByModifiedTime(cursor.From)), cancellationToken).ConfigureAwait(false);
        var items = await ReadRecordsAsync(ZohoModule.Contracts, response, cancellationToken).ConfigureAwait(false);
        var inWindow = items.Where(r => r.ModifiedTime is { } m && m >= cursor.WindowStart && m <= cursor.WindowEnd).ToList();
        var reachedOlder = items.Any(r => r.ModifiedTime is { } m && m < cursor.WindowStart);
        var next = items.Count < ZohoDeskUrls.PageSize || reachedOlder ? null : cursor with { From = cursor.From + ZohoDeskUrls.PageSize };
        return new Page<ZohoRecord>(inWindow, next?.Encode());
    }

    private async Task<List<ZohoRecord>> ListTimeEntriesAsync(string ticketId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var all = new List<ZohoRecord>();
        for (var offset = 0; ; offset += 99)
        {
            var start = offset;
            using var response = await SendAsync(() => Get(ZohoDeskUrls.TicketTimeEntriesChanged(ticketId, from, to, start)), cancellationToken).ConfigureAwait(false);
            var items = await ReadRecordsAsync(ZohoModule.TimeEntries, response, cancellationToken).ConfigureAwait(false);
            all.AddRange(items.Select(e => WithCompositeId(ZohoModule.TimeEntries, $"{ticketId}:{e.Id}", e)));
            if (items.Count < 99)
            {
                return all;
            }
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken, bool withOrgId = true)
    {
        var token = await tokens.GetAccessTokenAsync(connectionId, null, cancellationToken).ConfigureAwait(false);
        var response = await SendOnceAsync(build(), token, withOrgId, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            if (error?.ErrorCode == "INVALID_OAUTH")
            {
                response.Dispose();
                LogInvalidOAuth(logger, connectionId);
                token = await tokens.GetAccessTokenAsync(connectionId, token, cancellationToken).ConfigureAwait(false);
                response = await SendOnceAsync(build(), token, withOrgId, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    var again = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
                    var failure = Failure(response, again);
                    response.Dispose();
                    await tokens.ReportAuthFailureAsync(connectionId, failure.Message, CancellationToken.None).ConfigureAwait(false);
                    throw failure;
                }
            }
            else
            {
                var failure = Failure(response, error);
                response.Dispose();
                throw failure;
            }
        }

        if (!response.IsSuccessStatusCode)
        {
            var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            var failure = Failure(response, error);
            response.Dispose();
            throw failure;
        }

        return response;
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, string token, bool withOrgId, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Zoho-oauthtoken", token);
        if (withOrgId)
        {
            request.Headers.Add("orgId", OrgId);
        }

        try
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            credits.Record(response);
            return response;
        }
        catch (HttpRequestException ex)
        {
            throw new ExternalApiException(ExternalSystem.ZohoDesk, FailureCategory.Transient,
                $"Could not reach Zoho Desk at {deskUrl.Host}.", innerException: ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new ExternalApiException(ExternalSystem.ZohoDesk, FailureCategory.Transient,
                $"Zoho Desk at {deskUrl.Host} failed repeatedly; calls to it are paused briefly.", innerException: ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new ExternalApiException(ExternalSystem.ZohoDesk, FailureCategory.Timeout, "Zoho Desk did not answer in time.", innerException: ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ExternalApiException(ExternalSystem.ZohoDesk, FailureCategory.Timeout, "Zoho Desk did not answer in time.", innerException: ex);
        }
    }

    private ExternalApiException Failure(HttpResponseMessage response, ZohoErrorBody? error)
    {
        var category = ZohoErrorClassifier.Classify(response.StatusCode, error?.ErrorCode);
        var detail = error?.Errors is { Count: > 0 } fields
            ? " (" + string.Join("; ", fields.Select(f => $"{f.FieldName} {f.ErrorType}{(f.ErrorMessage is null ? string.Empty : ": " + f.ErrorMessage)}")) + ")"
            : string.Empty;
        var what = error?.Message ?? $"HTTP {(int)response.StatusCode}";
        var message = category switch
        {
            FailureCategory.Authentication => ZohoAuthError.Describe($"Zoho Desk refused the connection's credentials ({error?.ErrorCode ?? "401"}): reconnect Zoho Desk."),
            FailureCategory.RateLimited => $"Zoho Desk is rate limiting the connector ({error?.ErrorCode ?? "429"}): {what}",
            _ => $"Zoho Desk answered {(int)response.StatusCode} {error?.ErrorCode}: {what}{detail}",
        };
        return new ExternalApiException(ExternalSystem.ZohoDesk, category, message, (int)response.StatusCode, error?.ErrorCode,
            ZohoErrorClassifier.RetryAfter(response, time));
    }

    private static async Task<ZohoErrorBody?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize(text, ZohoDeskJsonContext.Default.ZohoErrorBody);
        }
        catch (Exception ex) when (ex is JsonException or HttpRequestException or IOException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The status code decides the category; an unreadable error body only loses its details.
            return null;
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new ExternalApiException(ExternalSystem.ZohoDesk, FailureCategory.Unknown, "Zoho Desk sent an answer the connector cannot read.",
                (int)response.StatusCode, innerException: ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new ExternalApiException(ExternalSystem.ZohoDesk, FailureCategory.Transient, "The answer from Zoho Desk was cut off.",
                (int)response.StatusCode, innerException: ex);
        }
    }

    private static async Task<ZohoRecord?> ReadRecordAsync(ZohoModule module, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        using var document = await ParseAsync(response, cancellationToken).ConfigureAwait(false);
        return ToRecord(module, document.RootElement);
    }

    private static async Task<List<ZohoRecord>> ReadRecordsAsync(ZohoModule module, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return [];
        }

        using var document = await ParseAsync(response, cancellationToken).ConfigureAwait(false);
        if (!document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. data.EnumerateArray().Select(e => ToRecord(module, e)).OfType<ZohoRecord>()];
    }

    private static async Task<JsonDocument> ParseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException ex)
        {
            throw new ExternalApiException(ExternalSystem.ZohoDesk, FailureCategory.Unknown, "Zoho Desk sent an answer the connector cannot read.",
                (int)response.StatusCode, innerException: ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new ExternalApiException(ExternalSystem.ZohoDesk, FailureCategory.Transient, "The answer from Zoho Desk was cut off.",
                (int)response.StatusCode, innerException: ex);
        }
    }

    private static ZohoRecord? ToRecord(ZohoModule module, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("id", out var id))
        {
            return null;
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            fields[property.Name] = property.Value.Clone();
        }

        return new ZohoRecord(id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText(), module, fields);
    }

    private static ZohoRecord WithCompositeId(ZohoModule module, string id, ZohoRecord record) =>
        module == ZohoModule.TimeEntries && record.Id != id ? new ZohoRecord(id, module, record.Fields) : record;

    private static bool IsTrashed(ZohoRecord record) =>
        record.Fields.TryGetValue("isTrashed", out var trashed) && trashed.ValueKind == JsonValueKind.True;

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static void RequireComments(ZohoModule module, string recordId)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordId);
        if (!module.HasComments)
        {
            throw new ArgumentException($"Zoho Desk has no comments on {module.DisplayName}.", nameof(module));
        }
    }

    /// <summary>A list continuation is the next <c>from</c> offset.</summary>
    private static int Offset(string? continuation) =>
        continuation is null ? 0
        : int.TryParse(continuation, NumberStyles.None, CultureInfo.InvariantCulture, out var from) ? from
        : throw new ArgumentException("The continuation does not come from this list.", nameof(continuation));

    /// <summary>A full page may have more after it; a short one is the last.</summary>
    private static string? Next(int from, int count, int pageSize) =>
        count < pageSize ? null : (from + count).ToString(CultureInfo.InvariantCulture);

    private static HttpRequestMessage Json(HttpMethod method, string url, JsonObject body) =>
        new(method, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

    private static HttpRequestMessage Json<T>(HttpMethod method, string url, T body, JsonTypeInfo<T> typeInfo) =>
        new(method, url) { Content = new StringContent(JsonSerializer.Serialize(body, typeInfo), Encoding.UTF8, "application/json") };

    private static ZohoCommentRequestDto ToRequest(ZohoCommentInput comment) =>
        new() { Content = comment.Content, ContentType = comment.ContentType, IsPublic = comment.IsPublic };

    private static ZohoComment ToComment(ZohoCommentDto dto) => new(
        dto.Id ?? string.Empty,
        dto.Content ?? string.Empty,
        dto.ContentType ?? "html",
        dto.IsPublic,
        dto.CommenterId,
        dto.Commenter?.Name ?? string.Join(' ', new[] { dto.Commenter?.FirstName, dto.Commenter?.LastName }.Where(s => !string.IsNullOrEmpty(s))),
        dto.Commenter?.Type,
        ParseTime(dto.CommentedTime),
        ParseTime(dto.ModifiedTime));

    private static ZohoAttachment ToAttachment(ZohoAttachmentDto dto, string? threadId) => new(
        dto.Id ?? string.Empty,
        dto.Name ?? "attachment",
        long.TryParse(dto.Size, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) ? size : 0,
        dto.IsPublic,
        ParseTime(dto.CreatedTime),
        Uri.TryCreate(dto.Href, UriKind.Absolute, out var href) ? href : null,
        threadId);

    private static ZohoField ToField(ZohoFieldDto dto) => new(
        dto.Id ?? string.Empty,
        dto.ApiName!,
        dto.DisplayLabel ?? dto.ApiName!,
        dto.Type ?? "Text",
        dto.IsCustomField,
        dto.IsMandatory,
        [.. (dto.AllowedValues ?? []).Select(ToValue).OfType<ZohoFieldValue>()]);

    private static ZohoFieldValue? ToValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => new ZohoFieldValue(value.GetString()!, null),
        JsonValueKind.Object when value.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String =>
            new ZohoFieldValue(v.GetString()!,
                value.TryGetProperty("statusType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null),
        _ => null,
    };

    private static ZohoWebhook ToWebhook(ZohoWebhookDto dto) => new(
        dto.Id!,
        dto.Name,
        Uri.TryCreate(dto.Url, UriKind.Absolute, out var url) ? url : new Uri("about:blank"),
        dto.IsEnabled,
        dto.Description,
        (dto.Subscriptions ?? []).ToDictionary(p => p.Key, p => p.Value as JsonObject, StringComparer.Ordinal));

    private static JsonObject ToBody(ZohoWebhookInput input)
    {
        var body = new JsonObject();
        if (input.Url is not null)
        {
            body["url"] = input.Url.ToString();
        }

        if (input.Name is not null)
        {
            body["name"] = input.Name;
        }

        if (input.IsEnabled is { } enabled)
        {
            body["isEnabled"] = enabled;
        }

        if (input.Description is not null)
        {
            body["description"] = input.Description;
        }

        if (input.Subscriptions is not null)
        {
            var subscriptions = new JsonObject();
            foreach (var (eventType, filter) in input.Subscriptions)
            {
                subscriptions[eventType] = filter?.DeepClone();
            }

            body["subscriptions"] = subscriptions;
        }

        return body;
    }

    private static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static ExternalApiException EmptyAnswer() =>
        new(ExternalSystem.ZohoDesk, FailureCategory.Unknown, "Zoho Desk answered without the expected object.");

    [LoggerMessage(LogLevel.Information, "Zoho Desk reported INVALID_OAUTH for connection {ConnectionId}; refreshing the token once")]
    private static partial void LogInvalidOAuth(ILogger logger, int connectionId);

    [LoggerMessage(LogLevel.Debug, "Zoho search offset cap reached for {Module}; window {OldStart} continues from {NewStart}")]
    private static partial void LogWindowSplit(ILogger logger, string module, DateTimeOffset oldStart, DateTimeOffset newStart);
}
