using System.Net;
using System.Security.Cryptography;
using System.Text;
using ZohoJira.Core.Jira.Adf;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.SmartItems;

namespace ZohoJira.Core.Sync.Comments;

/// <summary>What to do with one Jira comment on one link's Zoho record.</summary>
public enum JiraCommentAction
{
    /// <summary>Already mirrored as it is, the connector's own, or a mirror of a Zoho comment: nothing to write.</summary>
    None = 0,

    Create = 1,

    Update = 2,
}

/// <summary>The planner's answer: the action, the Zoho comment HTML (author line first), whether it is public, the hash of
/// what is mirrored, and the reason (for None).</summary>
public sealed record JiraCommentPlan(JiraCommentAction Action, string Reason, string? Html = null, bool IsPublic = false, string? Hash = null);

/// <summary>Decides, without I/O, how one Jira comment is mirrored to a Zoho record: once (the ledger row names its Zoho
/// comment), updated when its content or visibility changed since (the hash). It is private in Zoho unless the item
/// chooses public Jira comments, and a Jira comment kept from some readers (restricted to a role or group, or internal in
/// Jira Service Management) is always private. The HTML starts with a paragraph that names the author and carries the
/// marker attribute <see cref="MarkerAttribute"/> with the Jira comment id: a retry after a crash finds the Zoho comment it
/// made by it, and the Zoho → Jira side recognises the comment as a mirror and never sends it back.</summary>
public static class JiraCommentPlanner
{
    /// <summary>The attribute on the first paragraph of a mirrored comment; its value is the Jira comment id.</summary>
    public const string MarkerAttribute = "data-zohojira-jira-comment";

    /// <summary>Zoho's limit on a comment's content.</summary>
    public const int ZohoMaxLength = 32_000;

    private static readonly AdfToHtmlConverter Html = new();

    /// <param name="comment">The Jira comment as it is now; null when it was deleted.</param>
    /// <param name="mirror">Its ledger row on this link, if any.</param>
    /// <param name="visibility">The item's choice for Jira comments in Zoho.</param>
    /// <param name="connectorAccountId">The connector's Jira account: its comments are mirrors of Zoho comments.</param>
    public static JiraCommentPlan Plan(JiraComment? comment, CommentMirror? mirror, CommentVisibility visibility, string? connectorAccountId)
    {
        if (mirror is { Origin: not CommentOrigins.Jira })
        {
            return new(JiraCommentAction.None, "The comment is a mirror of a Zoho comment.");
        }

        if (comment is null)
        {
            return new(JiraCommentAction.None, "The Jira comment was deleted; deletions are not mirrored.");
        }

        if (connectorAccountId is not null && string.Equals(comment.Author?.AccountId, connectorAccountId, StringComparison.Ordinal))
        {
            return new(JiraCommentAction.None, "The connector wrote the comment: it is a mirror of a Zoho comment.");
        }

        var isPublic = IsPublic(comment, visibility);
        var html = Body(comment);
        var hash = Hash(html, isPublic);
        if (mirror is { ZohoCommentId: not null } && mirror.ContentHash == hash)
        {
            return new(JiraCommentAction.None, "Already mirrored as it is.");
        }

        return mirror is { ZohoCommentId: not null }
            ? new(JiraCommentAction.Update, "The Jira comment changed.", html, isPublic, hash)
            : new(JiraCommentAction.Create, "A new Jira comment.", html, isPublic, hash);
    }

    /// <summary>Public in Zoho only when the item says so and every Jira reader may see the comment.</summary>
    public static bool IsPublic(JiraComment comment, CommentVisibility visibility)
    {
        ArgumentNullException.ThrowIfNull(comment);
        return visibility == CommentVisibility.Public && comment.Visibility is null && comment.IsPublic != false;
    }

    /// <summary>The Zoho HTML: "<b>Author</b> wrote:" in a marked paragraph, then the comment converted from ADF, within
    /// Zoho's limit (a comment too long for it is mirrored as plain text, cut short).</summary>
    public static string Body(JiraComment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var head = Head(comment);
        var converted = comment.Body is null ? string.Empty : Html.Convert(comment.Body);
        if (head.Length + converted.Length <= ZohoMaxLength)
        {
            return head + converted;
        }

        const string cut = "… (cut short: the Jira comment is longer than Zoho allows)";
        var text = AdfText.ToPlainText(comment.Body);
        var budget = ZohoMaxLength - head.Length - 16 - cut.Length;
        var encoded = WebUtility.HtmlEncode(text);
        while (encoded.Length > budget && text.Length > 0)
        {
            text = text[..Math.Max(0, text.Length - Math.Max(1, (encoded.Length - budget) / 6))];
            encoded = WebUtility.HtmlEncode(text);
        }

        return head + "<p>" + encoded.Replace("\n", "<br>", StringComparison.Ordinal) + WebUtility.HtmlEncode(cut) + "</p>";
    }

    /// <summary>True when Zoho comment HTML carries the marker of a mirrored Jira comment.</summary>
    public static bool IsMirror(string? html) => html?.Contains(MarkerAttribute, StringComparison.Ordinal) == true;

    /// <summary>True when Zoho comment HTML is the mirror of the given Jira comment.</summary>
    public static bool IsMirrorOf(string? html, string jiraCommentId) =>
        html?.Contains($"{MarkerAttribute}=\"{WebUtility.HtmlEncode(jiraCommentId)}\"", StringComparison.Ordinal) == true;

    /// <summary>What a mirror depends on: the HTML written and whether it is public.</summary>
    public static string Hash(string html, bool isPublic)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = $"{(isPublic ? "public" : "private")}\n{html}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static string Author(JiraComment comment) =>
        comment?.Author?.DisplayName is { Length: > 0 } name && !string.IsNullOrWhiteSpace(name) ? name.Trim() : "A Jira user";

    private static string Head(JiraComment comment) =>
        $"<p {MarkerAttribute}=\"{WebUtility.HtmlEncode(comment.Id)}\"><b>{WebUtility.HtmlEncode(Author(comment))}</b> wrote:</p>";
}
