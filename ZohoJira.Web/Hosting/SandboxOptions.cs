namespace ZohoJira.Web.Hosting;

/// <summary>The <c>Sandbox</c> section: the built-in simulated vendors and the demo accounts. On by default in Development.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>Plug the sandbox (project ZohoJira.Sandbox) into the app. The sandbox reads the rest of the section
    /// (<c>BaseUrl</c>) itself.</summary>
    public bool Enabled { get; set; }
}
