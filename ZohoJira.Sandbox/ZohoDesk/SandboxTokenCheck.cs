namespace ZohoJira.Sandbox.ZohoDesk;

internal enum SandboxTokenCheck
{
    Unknown,
    Expired,
    Valid,
}
