namespace ZohoJira.Sandbox;

/// <summary>The sandbox's own view of the <c>Sandbox</c> configuration section (the web app reads <c>Enabled</c>
/// itself to decide whether to plug the sandbox in at all).</summary>
public sealed class SandboxHostOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>Where the simulators are reached (they are mounted in the app under /sandbox/...). Empty: the first
    /// address the server listens on. Tests set it to the in-memory test server's address.</summary>
    public string? BaseUrl { get; set; }
}
