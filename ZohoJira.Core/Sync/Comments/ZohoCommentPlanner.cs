using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ZohoJira.Core.Jira.Adf;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Sync.Comments;

/// <summary>Decides, without I/O, how one Zoho comment is mirrored to a Jira issue. A comment is mirrored once (the
/// ledger row names its Jira comment) and updated when its content or visibility changed since (the hash). A private
/// Zoho comment never becomes one customers can see: in a Jira Service Management project (the only kind whose
/// customers read comments) it becomes an internal comment; in other projects only licensed Jira users read comments, so
/// it is mirrored as it is; when the project's kind is unknown it is skipped.</summary>
public static class ZohoCommentPlanner
{
    /// <summary>Jira's project type whose customers see public comments on the portal.</summary>
    public const string ServiceDeskProjectType = "service_desk";

    /// <summary>A skipped comment's ledger row keeps this before the hash, so the skip is reported once per version.</summary>
    public const string SkippedPrefix = "skip:";

    private static readonly HtmlToAdfConverter Adf = new();

    /// <param name="comment">The Zoho comment as it is now; null when it was deleted.</param>
    /// <param name="mirror">Its ledger row on this link, if any.</param>
    /// <param name="projectTypeKey">The Jira project's type (software, business, service_desk), null when unknown.</param>
    public static ZohoCommentPlan Plan(ZohoComment? comment, CommentMirror? mirror, string? projectTypeKey)
    {
        if (mirror is { Origin: not CommentOrigins.Zoho })
        {
            return new(ZohoCommentAction.None, mirror.Origin == CommentOrigins.Connector
                ? "The connector's own note is not mirrored."
                : "The comment is a mirror of a Jira comment.");
        }

        if (comment is null)
        {
            return new(ZohoCommentAction.None, "The Zoho comment was deleted; deletions are not mirrored.");
        }

        if (JiraCommentPlanner.IsMirror(comment.Content))
        {
            // The connector's mirror of a Jira comment whose ledger row is not committed yet (or was lost).
            return new(ZohoCommentAction.None, "The comment is a mirror of a Jira comment.");
        }

        var hash = Hash(comment);
        if (mirror is { JiraCommentId: not null } && mirror.ContentHash == hash)
        {
            return new(ZohoCommentAction.None, "Already mirrored as it is.");
        }

        if (mirror is { JiraCommentId: null, ContentHash: { } previous } && previous == SkippedPrefix + hash)
        {
            return new(ZohoCommentAction.None, "Skipped before, and unchanged since.");
        }

        var isServiceDesk = string.Equals(projectTypeKey, ServiceDeskProjectType, StringComparison.Ordinal);
        if (!comment.IsPublic && projectTypeKey is null)
        {
            return new(ZohoCommentAction.Skip, "A private Zoho comment was not mirrored: the Jira project's type is unknown, so customers might see it.",
                Hash: hash);
        }

        var body = Body(comment);
        var isInternal = !comment.IsPublic && isServiceDesk;
        return mirror is { JiraCommentId: not null }
            ? new(ZohoCommentAction.Update, "The Zoho comment changed.", body, isInternal, hash)
            : new(ZohoCommentAction.Create, "A new Zoho comment.", body, isInternal, hash);
    }

    /// <summary>The Jira body: a first line naming the author ("Mia Krystof wrote:"), then the comment converted from
    /// Zoho's HTML (plain text is escaped first), kept within Jira's size limit.</summary>
    public static JsonObject Body(ZohoComment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var html = string.Equals(comment.ContentType, "html", StringComparison.OrdinalIgnoreCase)
            ? comment.Content
            : WebUtility.HtmlEncode(comment.Content).Replace("\n", "<br>", StringComparison.Ordinal);
        var converted = Adf.Convert(html);
        var author = string.IsNullOrWhiteSpace(comment.CommenterName) ? "A Zoho Desk user" : comment.CommenterName.Trim();
        var content = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "paragraph",
                ["content"] = new JsonArray
                {
                    new JsonObject { ["type"] = "text", ["text"] = author, ["marks"] = new JsonArray { new JsonObject { ["type"] = "strong" } } },
                    new JsonObject { ["type"] = "text", ["text"] = " wrote:" },
                },
            },
        };
        foreach (var node in converted["content"] as JsonArray ?? [])
        {
            content.Add(node!.DeepClone());
        }

        var document = new JsonObject { ["type"] = "doc", ["version"] = 1, ["content"] = content };
        return AdfText.FitToLimit(document).Document;
    }

    /// <summary>What a mirror depends on: the content, its type and whether it is public.</summary>
    public static string Hash(ZohoComment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var text = $"{comment.ContentType}\n{(comment.IsPublic ? "public" : "private")}\n{comment.Content}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
