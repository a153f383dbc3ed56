namespace ZohoJira.Core.Jira.Models;

/// <summary>An attachment's bytes as a stream straight off the response; dispose it to release the connection.</summary>
public sealed class JiraAttachmentDownload(Stream content, string? contentType, long? length, IDisposable owner) : IAsyncDisposable, IDisposable
{
    public Stream Content { get; } = content;

    public string? ContentType { get; } = contentType;

    public long? Length { get; } = length;

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        owner.Dispose();
    }

    public void Dispose()
    {
        Content.Dispose();
        owner.Dispose();
    }
}
