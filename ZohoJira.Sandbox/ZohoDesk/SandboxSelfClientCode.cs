namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>What the sandbox's "Generate code" gives: the Self Client's credentials and a fresh grant code.</summary>
public sealed record SandboxSelfClientCode(string ClientId, string ClientSecret, string Code);
