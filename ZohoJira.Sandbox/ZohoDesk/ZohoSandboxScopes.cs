namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>Endpoint metadata: the OAuth scopes a simulated Desk route needs, as Zoho's OpenAPI files list them for the
/// operation (every one is required; a family's <c>ALL</c>, or <c>WRITE</c> for changes, covers its members). The gate
/// answers <c>SCOPE_MISMATCH</c> when the token lacks one; a conformance test holds each route's list to Zoho's files.</summary>
public sealed class ZohoSandboxScopes(params string[] names)
{
    public IReadOnlyList<string> Names { get; } = names;
}
