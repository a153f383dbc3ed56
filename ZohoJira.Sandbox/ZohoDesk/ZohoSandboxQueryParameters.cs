namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>Endpoint metadata: the query parameters a simulated Zoho Desk route accepts (Zoho's names). The simulator
/// refuses any other parameter, and the OpenAPI conformance test checks these names against Zoho's description.</summary>
public sealed class ZohoSandboxQueryParameters(params string[] names)
{
    public IReadOnlyList<string> Names { get; } = names;
}
