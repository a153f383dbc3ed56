using System.Runtime.CompilerServices;

namespace ZohoJira.Core.Common;

public static class PageExtensions
{
    /// <summary>Streams every item of a paged list, asking for the next page only when the previous one is used up.</summary>
    public static async IAsyncEnumerable<T> StreamAsync<T>(
        Func<string?, CancellationToken, Task<Page<T>>> fetchPage,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        string? continuation = null;
        do
        {
            var page = await fetchPage(continuation, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);
    }
}
