namespace ZohoJira.Web.Hosting;

/// <summary>The <c>Sandbox</c> section: the built-in simulated vendors and the demo accounts. On by default in Development.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    public bool Enabled { get; set; }

    /// <summary>Where the simulators are reached (they are mounted in this app under /sandbox/...). Empty: the first address
    /// the server listens on. Tests set it to the in-memory test server's address.</summary>
    public string? BaseUrl { get; set; }
}
