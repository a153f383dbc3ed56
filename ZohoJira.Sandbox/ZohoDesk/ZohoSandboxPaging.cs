using System.Globalization;

namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>Zoho's offset paging: <c>from</c> (0-based) and <c>limit</c> with a per-API maximum; out-of-range values are
/// refused with 422 INVALID_DATA.</summary>
internal static class ZohoSandboxPaging
{
    public static bool TryRead(HttpRequest request, int maxLimit, int defaultLimit, int maxFrom, out int from, out int limit, out IResult? error)
    {
        from = 0;
        limit = defaultLimit;
        error = null;
        if (request.Query.TryGetValue("from", out var fromText)
            && (!int.TryParse(fromText, NumberStyles.Integer, CultureInfo.InvariantCulture, out from) || from < 0 || from > maxFrom))
        {
            error = ZohoSandboxResults.Invalid("from", "invalid", $"from must be between 0 and {maxFrom}.");
            return false;
        }

        if (request.Query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > maxLimit))
        {
            error = ZohoSandboxResults.Invalid("limit", "invalid", $"limit must be between 1 and {maxLimit}.");
            return false;
        }

        return true;
    }

    public static bool TryParseRange(string? text, out DateTimeOffset start, out DateTimeOffset end)
    {
        start = default;
        end = default;
        var parts = text?.Split(',') ?? [];
        return parts.Length == 2
            && DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out start)
            && DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out end);
    }
}
