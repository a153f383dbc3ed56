namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>A file in the simulated Desk. Uploaded files keep their bytes; seeded ones are generated on demand from
/// <see cref="GeneratedSeed"/> so even the large one costs no memory.</summary>
public sealed class SandboxAttachment
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required long Size { get; init; }

    public required string CreatedTime { get; init; }

    public required string CreatorId { get; init; }

    public bool IsPublic { get; set; }

    public byte[]? Content { get; init; }

    public int GeneratedSeed { get; init; }

    public Stream OpenRead() => Content is not null ? new MemoryStream(Content, writable: false) : new SandboxGeneratedStream(GeneratedSeed, Size);
}
