using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>A ticket thread (email, reply...) with its attachments.</summary>
public sealed class SandboxThread
{
    public required JsonObject Summary { get; init; }

    public required string Content { get; init; }

    public List<SandboxAttachment> Attachments { get; } = [];

    public string Id => Summary["id"]!.GetValue<string>();
}
