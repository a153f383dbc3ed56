namespace ZohoJira.Core.Connections;

/// <summary>Zoho authentication failures are written with one prefix, so reconnecting can find and clear the stale ones
/// (on Smart Connected Items and links) without touching other errors.</summary>
public static class ZohoAuthError
{
    public const string Prefix = "Zoho authentication failed: ";

    public static string Describe(string reason) => Prefix + reason;

    public static bool IsAuthError(string? message) => message?.StartsWith(Prefix, StringComparison.Ordinal) == true;
}
