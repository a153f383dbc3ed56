namespace ZohoJira.Core.Zoho.Http.Wire;

/// <summary>Zoho Desk's error body: <c>{errorCode, message, errors[]}</c>.</summary>
internal sealed class ZohoErrorBody
{
    public string? ErrorCode { get; set; }

    public string? Message { get; set; }

    public List<ZohoErrorDetail>? Errors { get; set; }
}
