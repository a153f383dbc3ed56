namespace ZohoJira.Core.Operations;

/// <summary>The <c>Operations:ParkedNotifications</c> section: tell admins when work gets parked, by e-mail and/or a
/// webhook (a JSON POST). Off by default.</summary>
public sealed class ParkedNotificationOptions
{
    public const string SectionName = "Operations:ParkedNotifications";

    public bool Enabled { get; set; }

    /// <summary>How often newly parked work is looked for; one notice covers everything parked since the last one.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Receives a JSON POST per notice (e.g. a chat tool's incoming webhook). Empty: no webhook.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Admin addresses, separated by commas or semicolons. Empty: no e-mail.</summary>
    public string? EmailTo { get; set; }

    public string EmailFrom { get; set; } = "zohojira@localhost";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    public bool SmtpUseSsl { get; set; }

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>The e-mail recipients, parsed.</summary>
    public IReadOnlyList<string> Recipients =>
        (EmailTo ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
