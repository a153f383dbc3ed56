namespace ZohoJira.Core.Common;

/// <summary>One page of a vendor list. <see cref="Continuation"/> is opaque, safe to persist, and null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Continuation)
{
    public static Page<T> Empty { get; } = new([], null);

    public bool HasMore => Continuation is not null;
}
