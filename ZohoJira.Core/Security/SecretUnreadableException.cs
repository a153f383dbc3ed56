namespace ZohoJira.Core.Security;

/// <summary>A stored secret could not be decrypted (lost or foreign key ring). The message never contains the secret.</summary>
public sealed class SecretUnreadableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
