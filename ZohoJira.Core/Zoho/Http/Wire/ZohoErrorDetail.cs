namespace ZohoJira.Core.Zoho.Http.Wire;

/// <summary>One field problem in an error body; <see cref="FieldName"/> is a JSON pointer such as <c>/contactId</c>.</summary>
internal sealed class ZohoErrorDetail
{
    public string? FieldName { get; set; }

    public string? ErrorType { get; set; }

    public string? ErrorMessage { get; set; }
}
