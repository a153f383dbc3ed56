namespace ZohoJira.Core.Jira.Http;

/// <summary>Per-request hints for the handler pipeline.</summary>
internal static class JiraRequestOptions
{
    /// <summary>Marks a POST that is safe to repeat (an upsert), so the resilience pipeline may retry it.</summary>
    public static void MarkIdempotent(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(Idempotent, true);
    }

    // Same key as the shared resilience pipeline's marker (HttpResilience.Idempotent on main).
    private static readonly HttpRequestOptionsKey<bool> Idempotent = new("ZohoJira.Idempotent");
}
