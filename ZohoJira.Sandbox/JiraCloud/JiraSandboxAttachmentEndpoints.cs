using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using ZohoJira.Core.Jira.Webhooks;

namespace ZohoJira.Sandbox.JiraCloud;

/// <summary>Attachments: multipart upload (header <c>X-Atlassian-Token: no-check</c>, part <c>file</c>, 200 with an
/// array), metadata, and download that answers 303 to a separate media host unless <c>redirect=false</c>.</summary>
internal static class JiraSandboxAttachmentEndpoints
{
    public const int MaxFilesPerRequest = 60;

    public static void Map(RouteGroupBuilder site)
    {
        site.MapPost("/rest/api/3/issue/{issueIdOrKey}/attachments", UploadAsync);
        site.MapGet("/rest/api/3/attachment/{id}", Metadata);
        site.MapDelete("/rest/api/3/attachment/{id}", Delete);
        site.MapGet("/rest/api/3/attachment/content/{id}", Content);
    }

    public static IResult MediaAsync(HttpContext http, JiraSandboxState state, JiraSandboxMedia media, string id)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(media);
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        if (!media.Verify(id, http.Request.Query["token"]))
        {
            return Results.StatusCode(403);
        }

        state.EnsureSeeded();
        lock (state.Gate)
        {
            if (!state.Attachments.TryGetValue(id, out var attachment))
            {
                return Results.NotFound();
            }

            media.CountServed();
            return Results.Bytes(attachment.Content, attachment.MimeType, attachment.FileName, enableRangeProcessing: true);
        }
    }

    private static async Task<IResult> UploadAsync(HttpContext http, JiraSandboxState state, JiraSandboxFaults faults, JiraSandboxWebhooks webhooks, string issueIdOrKey)
    {
        if (!string.Equals(http.Request.Headers["X-Atlassian-Token"], "no-check", StringComparison.OrdinalIgnoreCase))
        {
            return JiraSandboxHttp.Error(403, "XSRF check failed");
        }

        if (!http.Request.HasFormContentType || !(http.Request.ContentType ?? string.Empty).Contains("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return JiraSandboxHttp.Error(415, "The request must be multipart/form-data.");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = JiraSandboxMetaEndpoints.UploadLimit * 2;
        }

        lock (state.Gate)
        {
            if (state.FindIssue(issueIdOrKey) is null)
            {
                return JiraSandboxHttp.IssueNotFound();
            }
        }

        // Read the parts one by one (each file into memory: the sandbox keeps files in memory anyway).
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(http.Request.ContentType).Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return JiraSandboxHttp.Error(400, "The multipart request has no boundary.");
        }

        var reader = new Microsoft.AspNetCore.WebUtilities.MultipartReader(boundary, http.Request.Body) { BodyLengthLimit = JiraSandboxMetaEndpoints.UploadLimit + 1 };
        var files = new List<(string Name, string Type, byte[] Content)>();
        try
        {
            while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !string.Equals(disposition.Name.Value, "file", StringComparison.Ordinal)
                    || !disposition.IsFileDisposition())
                {
                    continue;
                }

                if (files.Count >= MaxFilesPerRequest)
                {
                    return JiraSandboxHttp.Error(413, $"You can attach at most {MaxFilesPerRequest} files in one request.");
                }

                var name = (disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value) ?? "file";
                using var buffer = new MemoryStream();
                var chunk = new byte[81_920];
                int read;
                while ((read = await section.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
                {
                    if (buffer.Length == 0)
                    {
                        state.UploadStarted?.Invoke(name);
                    }

                    buffer.Write(chunk, 0, read);
                }

                if (buffer.Length > JiraSandboxMetaEndpoints.UploadLimit)
                {
                    return JiraSandboxHttp.Error(413, "The file is larger than the attachment size limit.");
                }

                files.Add((name, section.ContentType ?? "application/octet-stream", buffer.ToArray()));
            }
        }
        catch (InvalidDataException ex)
        {
            return ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? JiraSandboxHttp.Error(413, "The file is larger than the attachment size limit.")
                : JiraSandboxHttp.Error(400, "The multipart request is malformed.");
        }

        if (files.Count == 0)
        {
            return JiraSandboxHttp.Error(400, "No file was found in the request: send the file in a part named 'file'.");
        }

        var site = JiraSandboxHttp.Site(http);
        var caller = JiraSandboxHttp.Caller(http);
        lock (state.Gate)
        {
            var issue = state.FindIssue(issueIdOrKey);
            if (issue is null)
            {
                return JiraSandboxHttp.IssueNotFound();
            }

            if (JiraSandboxHttp.CheckWriteLimit(http, issue, state, faults) is { } limited)
            {
                return limited;
            }

            var now = state.Time.GetUtcNow();
            var result = new JsonArray();
            foreach (var (name, type, content) in files)
            {
                var attachment = new SimAttachment
                {
                    Id = state.NextAttachmentId(),
                    IssueId = issue.Id,
                    FileName = name,
                    MimeType = type,
                    Content = content,
                    Author = caller,
                    Created = now,
                };
                issue.Attachments.Add(attachment);
                state.Attachments[attachment.Id] = attachment;
                result.Add(JiraSandboxJson.Attachment(attachment, caller, site));
                webhooks.Publish(state, JiraWebhookEvents.AttachmentCreated, JiraSandboxEvents.Attachment(JiraWebhookEvents.AttachmentCreated, attachment, state, site), null);
                webhooks.Publish(state, JiraWebhookEvents.IssueUpdated, JiraSandboxEvents.Issue(JiraWebhookEvents.IssueUpdated, "issue_updated", issue, caller, state, site,
                    [JiraSandboxEvents.ChangeItem("Attachment", null, null, attachment.Id, attachment.FileName)]), issue);
            }

            issue.Updated = now;
            return JiraSandboxHttp.Json(result);
        }
    }

    private static IResult Metadata(HttpContext http, JiraSandboxState state, string id)
    {
        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            if (!state.Attachments.TryGetValue(id, out var attachment))
            {
                return JiraSandboxHttp.Error(404, $"The attachment with id '{id}' does not exist.");
            }

            var json = JiraSandboxJson.Attachment(attachment, attachment.Author, site);
            json["id"] = long.Parse(attachment.Id, CultureInfo.InvariantCulture);
            json["self"] = $"{site}/rest/api/3/attachment/{attachment.Id}";
            json["author"] = JiraSandboxJson.User(attachment.Author, site, withEmail: false);
            return JiraSandboxHttp.Json(json);
        }
    }

    private static IResult Delete(JiraSandboxState state, string id)
    {
        lock (state.Gate)
        {
            if (!state.Attachments.Remove(id, out var attachment))
            {
                return JiraSandboxHttp.Error(404, $"The attachment with id '{id}' does not exist.");
            }

            state.FindIssue(attachment.IssueId)?.Attachments.Remove(attachment);
            return Results.NoContent();
        }
    }

    private static IResult Content(HttpContext http, JiraSandboxState state, JiraSandboxMedia media, string id, [FromQuery(Name = "redirect")] bool? redirect)
    {
        lock (state.Gate)
        {
            if (!state.Attachments.TryGetValue(id, out var attachment))
            {
                return JiraSandboxHttp.Error(404, $"The attachment with id '{id}' does not exist.");
            }

            if (redirect == false)
            {
                return Results.Bytes(attachment.Content, attachment.MimeType, attachment.FileName, enableRangeProcessing: true);
            }

            var location = $"{http.Request.Scheme}://{JiraSandboxMedia.MediaHost(http.Request)}{http.Request.PathBase}{JiraSandboxAccounts.MediaPath}/file/{id}/binary"
                + $"?token={media.Sign(id)}&name={Uri.EscapeDataString(attachment.FileName)}";
            http.Response.Headers.Location = location;
            return Results.StatusCode(303);
        }
    }
}
