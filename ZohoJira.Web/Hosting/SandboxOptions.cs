namespace ZohoJira.Web.Hosting;

/// <summary>The <c>Sandbox</c> section: the built-in simulated vendors and the demo accounts. On by default in Development.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    public bool Enabled { get; set; }
}
