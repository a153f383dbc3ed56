namespace ZohoJira.Web.Sandbox.ZohoDesk;

internal enum SandboxTokenCheck
{
    Unknown,
    Expired,
    Valid,
}
