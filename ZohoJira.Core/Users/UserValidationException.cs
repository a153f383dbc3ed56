namespace ZohoJira.Core.Users;

/// <summary>A user operation was refused; the message is meant for the person who asked.</summary>
public sealed class UserValidationException(string message) : Exception(message);
