namespace ZohoJira.Core.SmartItems;

/// <summary>An import file that cannot be read at all (not JSON, unknown or newer schema version); the message says
/// why in words an admin can act on.</summary>
public sealed class SmartItemImportException : Exception
{
    public SmartItemImportException()
    {
    }

    public SmartItemImportException(string message)
        : base(message)
    {
    }

    public SmartItemImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
