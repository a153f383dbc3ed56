namespace ZohoJira.Core.Security;

/// <summary>One element of the Data Protection key ring, stored in the database so every instance and every restart
/// reads the same keys.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}
