namespace ZohoJira.Sandbox.ZohoDesk;

internal sealed record SandboxFault(int Status, string ErrorCode, TimeSpan? RetryAfter);
