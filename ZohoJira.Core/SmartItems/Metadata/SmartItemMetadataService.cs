using System.Collections.Concurrent;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.SmartItems.Metadata;

/// <summary>Everything the Smart Connected Item wizard and validation need from Jira and Zoho Desk, in one place: Jira
/// projects, issue types and screen fields; Zoho modules, fields and statuses; the records a rule preview shows. Answers
/// are cached per connection (Jira site + Zoho organization) for <see cref="CacheLifetime"/>, so opening the wizard
/// twice costs one round of vendor calls; <see cref="Reload"/> forgets them ("Reload fields").</summary>
public sealed class SmartItemMetadataService(
    JiraConnectionService jira,
    IZohoDeskClientFactory zoho,
    TimeProvider time) : ISmartItemMetadataSource
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);

    /// <summary>How many records a rule preview reads (one list call).</summary>
    public const int PreviewSampleSize = 100;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, Task<object> Value)> _cache = new(StringComparer.Ordinal);

    /// <summary>Forgets every cached answer; the next calls ask the vendors again.</summary>
    public void Reload() => _cache.Clear();

    public async Task<IReadOnlyList<JiraProject>> GetProjectsAsync(CancellationToken cancellationToken = default)
    {
        var client = await JiraAsync(cancellationToken);
        return await CachedAsync($"jira:{client.Site.SiteUrl}:projects", async () =>
        {
            var all = new List<JiraProject>();
            string? continuation = null;
            do
            {
                var page = await client.GetProjectsAsync(continuation, cancellationToken);
                all.AddRange(page.Items);
                continuation = page.Continuation;
            }
            while (continuation is not null);
            return (IReadOnlyList<JiraProject>)all.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        });
    }

    public async Task<IReadOnlyList<JiraIssueType>> GetIssueTypesAsync(string projectKey, CancellationToken cancellationToken = default)
    {
        var client = await JiraAsync(cancellationToken);
        return await CachedAsync($"jira:{client.Site.SiteUrl}:issuetypes:{projectKey}", async () =>
            (IReadOnlyList<JiraIssueType>)(await client.GetIssueTypesAsync(projectKey, cancellationToken)).Where(t => !t.Subtask).ToList());
    }

    /// <summary>The create and edit screens of a project + issue type, and the statuses of its workflow. Jira answers the
    /// edit screen only for an existing issue, so the newest issue of that project + type is the sample; a pair without
    /// issues falls back to the create screen (<see cref="JiraScreenInfo.EditFromCreate"/>, which the wizard says).</summary>
    public async Task<JiraScreenInfo> GetJiraScreenAsync(string projectKey, string issueTypeId, CancellationToken cancellationToken = default)
    {
        var client = await JiraAsync(cancellationToken);
        return await CachedAsync($"jira:{client.Site.SiteUrl}:screen:{projectKey}:{issueTypeId}", async () =>
        {
            var createFields = ToMetadata(await client.GetCreateFieldsAsync(projectKey, issueTypeId, cancellationToken));
            var sample = await client.SearchIssuesAsync(
                new JiraSearchRequest($"project = \"{JqlText(projectKey)}\" AND issuetype = \"{JqlText(issueTypeId)}\" ORDER BY created DESC", ["summary"], MaxResults: 1),
                cancellationToken: cancellationToken);
            var editFields = sample.Items.FirstOrDefault() is { } issue
                ? await client.GetEditFieldsAsync(issue.Key, cancellationToken) is { } edit ? ToMetadata(edit) : null
                : null;
            var statuses = (await client.GetProjectStatusesAsync(projectKey, cancellationToken))
                .Where(t => t.IssueTypeId == issueTypeId)
                .SelectMany(t => t.Statuses)
                .Select(s => s.Name)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            return new JiraScreenInfo(
                new JiraScreenMetadata
                {
                    ProjectKey = projectKey,
                    IssueTypeId = issueTypeId,
                    CreateFields = createFields,
                    EditFields = editFields ?? createFields,
                    Statuses = statuses,
                },
                EditFromCreate: editFields is null,
                StatusesKnown: statuses.Count > 0);
        });
    }

    /// <summary>The modules the organization has (<c>organizationModules</c>, so an edition without Contracts does not offer
    /// them) that the connector can read records of, under the organization's own names, each marked with whether it can be
    /// polled for new records (and so auto-create).</summary>
    public async Task<IReadOnlyList<ZohoModuleChoice>> GetZohoModulesAsync(CancellationToken cancellationToken = default)
    {
        var client = await zoho.CreateAsync(cancellationToken);
        return await CachedAsync($"zoho:{client.OrgId}:modules", async () =>
            (IReadOnlyList<ZohoModuleChoice>)(await client.ListModulesAsync(cancellationToken))
                .Where(m => m.Module is not null)
                .Select(m => new ZohoModuleChoice(m.Module!.ApiName, m.DisplayName, m.IsPollingModule))
                .ToList());
    }

    public async Task<ZohoModuleMetadata> GetZohoModuleAsync(string moduleApiName, CancellationToken cancellationToken = default)
    {
        var module = ZohoModule.FromApiName(moduleApiName)
            ?? throw new ArgumentException($"The Zoho module '{moduleApiName}' is not one the connector supports.", nameof(moduleApiName));
        var client = await zoho.CreateAsync(cancellationToken);
        return await CachedAsync($"zoho:{client.OrgId}:module:{module.ApiName}", async () =>
        {
            var fields = (await client.GetFieldsAsync(module, cancellationToken))
                .Select(f => new ZohoFieldMetadata
                {
                    ApiName = f.ApiName,
                    Label = f.DisplayLabel,
                    Kind = ZohoKind(f.Type),
                    PicklistValues = f.AllowedValues.Select(v => v.Value).ToList(),
                })
                .ToList();
            if (module == ZohoModule.Tickets)
            {
                // The status picklist is the organization's ticket statuses, not a fixed list.
                var statuses = (await client.GetTicketStatusesAsync(cancellationToken)).Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList();
                fields = fields.Select(f => f.ApiName == "status" ? f with { Kind = FieldKind.Option, PicklistValues = statuses } : f).ToList();
            }

            var choice = (await GetZohoModulesAsync(cancellationToken)).FirstOrDefault(m => m.ApiName == module.ApiName);
            return new ZohoModuleMetadata
            {
                ApiName = module.ApiName,
                Name = choice?.Name ?? module.DisplayName,
                SupportsPolling = choice?.SupportsPolling ?? false,
                StatusField = fields.Any(f => f.ApiName == "status") ? "status" : null,
                Fields = fields.OrderBy(f => f.Label, StringComparer.OrdinalIgnoreCase).ToList(),
            };
        });
    }

    /// <summary>The module's current records for a rule preview, from ONE list call (never cached: the preview is live).</summary>
    public async Task<IReadOnlyList<ZohoRecord>> GetPreviewRecordsAsync(string moduleApiName, CancellationToken cancellationToken = default)
    {
        var module = ZohoModule.FromApiName(moduleApiName)
            ?? throw new ArgumentException($"The Zoho module '{moduleApiName}' is not one the connector supports.", nameof(moduleApiName));
        var client = await zoho.CreateAsync(cancellationToken);
        var page = await client.ListChangedAsync(module, DateTimeOffset.UnixEpoch, null, cancellationToken);
        return page.Items.Take(PreviewSampleSize).ToList();
    }

    /// <summary>The auto-create baseline in Zoho's clock: the newest created (or changed) time among the module's records
    /// from one list call. Null when the module has no records yet to read Zoho's time from.</summary>
    public async Task<DateTime?> GetZohoNowAsync(string moduleApiName, CancellationToken cancellationToken = default)
    {
        var records = await GetPreviewRecordsAsync(moduleApiName, cancellationToken);
        var newest = records.Select(r => r.CreatedTime ?? r.ModifiedTime).Where(t => t is not null).Max();
        return newest?.UtcDateTime;
    }

    /// <summary>For validation: the Jira screens and the Zoho module of a definition, each null when not loadable.</summary>
    public async Task<SmartItemMetadata> GetAsync(SmartItemModel definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        JiraScreenMetadata? screen = null;
        if (definition.JiraIssueTypeId is { } issueType && !string.IsNullOrWhiteSpace(definition.JiraProjectKey))
        {
            screen = (await GetJiraScreenAsync(definition.JiraProjectKey, issueType, cancellationToken)).Screen;
        }

        var module = ZohoModule.FromApiName(definition.ZohoModule) is null ? null : await GetZohoModuleAsync(definition.ZohoModule, cancellationToken);
        return new SmartItemMetadata(screen, module);
    }

    private static List<JiraFieldMetadata> ToMetadata(IEnumerable<JiraFieldMeta> fields) =>
        fields
            .Where(f => f.FieldId is not ("project" or "issuetype"))
            .Select(f => new JiraFieldMetadata
            {
                Id = f.FieldId,
                Name = f.Name,
                Kind = JiraKind(f.Schema),
                Required = f.Required,
                HasDefaultValue = f.HasDefaultValue,
                AllowedValues = f.AllowedValues.Select(v => v.Label).Where(v => v.Length > 0).ToList(),
            })
            .OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>A value quoted for JQL: backslashes and double quotes escaped.</summary>
    private static string JqlText(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    internal static FieldKind JiraKind(JiraFieldSchema? schema) => schema?.Type switch
    {
        "string" => FieldKind.Text,
        "number" => FieldKind.Number,
        "date" => FieldKind.Date,
        "datetime" => FieldKind.DateTime,
        "option" or "priority" or "resolution" or "status" => FieldKind.Option,
        "user" => FieldKind.User,
        "array" when schema.Items is "option" or "string" or "component" or "version" => FieldKind.MultiOption,
        _ => FieldKind.Other,
    };

    internal static FieldKind ZohoKind(string type) => type switch
    {
        "Text" or "Textarea" or "Email" or "Phone" or "URL" or "Website" => FieldKind.Text,
        "Picklist" => FieldKind.Option,
        "Multiselect" => FieldKind.MultiOption,
        "Number" or "Decimal" or "Currency" or "Percent" or "Integer" => FieldKind.Number,
        "Date" => FieldKind.Date,
        "DateTime" => FieldKind.DateTime,
        "Boolean" => FieldKind.Boolean,
        _ => FieldKind.Other,
    };

    private async Task<IJiraClient> JiraAsync(CancellationToken cancellationToken) =>
        await jira.CreateClientAsync(cancellationToken)
        ?? throw new InvalidOperationException("Jira is not connected: connect it on the Jira connection page first.");

    private async Task<T> CachedAsync<T>(string key, Func<Task<T>> load)
        where T : class
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var entry) && entry.Expires > now && !entry.Value.IsFaulted && !entry.Value.IsCanceled)
        {
            return (T)await entry.Value;
        }

        var task = LoadAsync(load);
        _cache[key] = (now + CacheLifetime, task);
        try
        {
            return (T)await task;
        }
        catch
        {
            // A failed answer is not kept: the next call asks again.
            _cache.TryRemove(new KeyValuePair<string, (DateTimeOffset, Task<object>)>(key, (now + CacheLifetime, task)));
            throw;
        }
    }

    private static async Task<object> LoadAsync<T>(Func<Task<T>> load)
        where T : class => await load();
}

/// <summary>A project + issue type's screens and workflow statuses, and what had to be approximated.</summary>
/// <param name="Screen">The create and edit fields of the project + issue type.</param>
/// <param name="EditFromCreate">The pair has no issue to read an edit screen from, so the create screen stands in (the wizard says so).</param>
/// <param name="StatusesKnown">Whether <see cref="JiraScreenMetadata.Statuses"/> holds the workflow's statuses.</param>
public sealed record JiraScreenInfo(JiraScreenMetadata Screen, bool EditFromCreate, bool StatusesKnown);

/// <summary>A Zoho module the wizard offers.</summary>
public sealed record ZohoModuleChoice(string ApiName, string Name, bool SupportsPolling);
