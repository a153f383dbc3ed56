namespace ZohoJira.Core.Zoho.Models;

/// <summary>A file being downloaded from Zoho: read <see cref="Content"/> as a stream, then dispose the download.</summary>
public sealed class ZohoFileDownload(Stream content, string? fileName, string? contentType, long? length, IDisposable owner)
    : IAsyncDisposable, IDisposable
{
    public Stream Content { get; } = content;

    public string? FileName { get; } = fileName;

    public string? ContentType { get; } = contentType;

    public long? Length { get; } = length;

    public void Dispose()
    {
        Content.Dispose();
        owner.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        owner.Dispose();
    }
}
