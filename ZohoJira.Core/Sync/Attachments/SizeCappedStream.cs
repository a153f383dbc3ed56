namespace ZohoJira.Core.Sync.Attachments;

/// <summary>Passes a download through to an upload as it is read, never holding more than the reader's buffer, and stops
/// with <see cref="FileTooLargeException"/> once more than the cap has gone through (a file may be larger than its
/// listed size).</summary>
internal sealed class SizeCappedStream(Stream inner, long cap) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        BytesRead += read;
        return BytesRead > cap ? throw new FileTooLargeException(BytesRead, cap) : read;
    }
}

/// <summary>A file turned out larger than the size limit while it was being copied.</summary>
public sealed class FileTooLargeException(long bytesSeen, long limit)
    : IOException($"The file is larger than the limit of {limit} bytes ({bytesSeen} bytes read so far).")
{
    public long BytesSeen { get; } = bytesSeen;

    public long Limit { get; } = limit;
}
