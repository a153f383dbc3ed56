using ZohoJira.Core.Common;
using ZohoJira.Core.Connections;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.SmartItems.Metadata;
using ZohoJira.Core.Zoho.Webhooks;
using ZohoJira.Web.Components.Admin.SmartItems;
using ZohoJira.Web.Endpoints;

namespace ZohoJira.Web.Onboarding;

/// <summary>"Set up the demo" on the Overview while the sandbox is on: the admin actions a newcomer would otherwise click
/// through, done in order — connect the sandbox Zoho Desk and Jira, subscribe Zoho's webhooks, create a two-way
/// Tickets ↔ SUP item with status, comments, attachments and auto-create on, and register Jira's webhook (after the
/// item, so its filter covers SUP). Each step is an ordinary service call the
/// pages make too (nothing in the engine knows about it), and a step already done is left as it is, so running it twice
/// changes nothing.</summary>
public sealed class DemoSetup(
    IServiceProvider services,
    ZohoConnectionService zoho,
    ZohoWebhookSubscriptionService zohoWebhooks,
    JiraConnectionService jira,
    SmartItemMetadataService metadata,
    SmartItemService items)
{
    public const string ItemName = "Demo: Zoho tickets ↔ SUP";

    /// <summary>Whether the demo can be set up here (the sandbox is on).</summary>
    public bool IsAvailable => services.GetService<ISandboxEnvironment>() is not null;

    /// <summary>Runs every step; returns what each did, in words. The item's id is returned when it exists.</summary>
    public async Task<(IReadOnlyList<string> Steps, Guid? ItemId)> RunAsync(CancellationToken cancellationToken = default)
    {
        var sandbox = services.GetService<ISandboxEnvironment>()
            ?? throw new InvalidOperationException("The demo needs the sandbox, which is off.");
        var steps = new List<string>();

        if ((await zoho.GetStatusAsync(cancellationToken)).IsConnected)
        {
            steps.Add("Zoho Desk was already connected.");
        }
        else
        {
            var code = sandbox.GenerateZohoCode(ZohoScopes.CommaSeparated);
            await zoho.ConnectAsync(new ZohoConnectRequest(ZohoDataCenters.Sandbox, code.ClientId, code.ClientSecret, code.Code), cancellationToken);
            steps.Add("Connected the sandbox Zoho Desk.");
        }

        try
        {
            await zohoWebhooks.EnsureAsync(cancellationToken);
            steps.Add("Zoho Desk's webhooks are subscribed: changes arrive within seconds.");
        }
        catch (Exception ex) when (ex is ExternalApiException or InvalidOperationException)
        {
            steps.Add($"Zoho Desk's webhooks could not be subscribed ({ex.Message}); the schedule still picks changes up.");
        }

        if ((await jira.GetStatusAsync(cancellationToken))?.IsConnected == true)
        {
            steps.Add("Jira was already connected.");
        }
        else
        {
            var site = sandbox.JiraSite();
            await jira.SaveAsync(site.SiteUrl, site.ConnectorEmail, site.ConnectorApiToken, cancellationToken);
            steps.Add("Connected the sandbox Jira site.");
        }

        Guid? itemId;
        var existing = (await items.ListAsync(cancellationToken)).FirstOrDefault(i => i.Name == ItemName);
        if (existing is not null)
        {
            steps.Add($"The item “{ItemName}” already exists.");
            itemId = existing.Id;
        }
        else
        {
            var created = await items.CreateAsync(await DemoItemAsync(cancellationToken), cancellationToken);
            if (!created.Succeeded)
            {
                steps.Add($"The item could not be created: {created.Message}");
                return (steps, null);
            }

            steps.Add($"Created “{ItemName}”: new tickets become SUP issues; fields, status, comments and attachments follow both ways.");
            itemId = created.Id;
        }

        // After the item, so the webhook's JQL filter covers SUP.
        await RegisterJiraWebhookAsync(steps, cancellationToken);
        return (steps, itemId);
    }

    private async Task RegisterJiraWebhookAsync(List<string> steps, CancellationToken cancellationToken)
    {
        try
        {
            if ((await jira.GetStatusAsync(cancellationToken))?.WebhookState == JiraWebhookStates.Registered)
            {
                await jira.EnsureWebhookFilterCurrentAsync(cancellationToken);
                steps.Add("Jira's webhook was already registered: Jira changes arrive within seconds.");
                return;
            }

            await jira.RegisterWebhookAsync(JiraWebhookEndpoints.ReceiverUrl(services), cancellationToken);
            steps.Add("Registered Jira's webhook: Jira changes arrive within seconds.");
        }
        catch (Exception ex) when (ex is ExternalApiException or InvalidOperationException)
        {
            steps.Add($"Jira's webhook could not be registered ({ex.Message}); register it on the Jira connection page for Jira changes to arrive.");
        }
    }

    /// <summary>The item as the wizard would build it with its suggestions: SUP's first synchronized issue type, the
    /// suggested mappings, every option on, auto-create from Zoho's current time.</summary>
    private async Task<SmartItemModel> DemoItemAsync(CancellationToken cancellationToken)
    {
        var project = (await metadata.GetProjectsAsync(cancellationToken)).First(p => p.Key == "SUP");
        var types = await metadata.GetIssueTypesAsync(project.Key, cancellationToken);
        var type = types.FirstOrDefault(t => t.Name == "Bug") ?? types[0];
        var screen = await metadata.GetJiraScreenAsync(project.Key, type.Id, cancellationToken);
        var module = await metadata.GetZohoModuleAsync("tickets", cancellationToken);
        var state = new SmartItemWizardState
        {
            Mode = SyncMode.TwoWay,
            Name = ItemName,
            ProjectKey = project.Key,
            ProjectName = project.Name,
            IssueTypeId = type.Id,
            IssueTypeName = type.Name,
            ZohoModule = module.ApiName,
            ZohoModuleName = module.Name,
        };
        state.Mappings.AddRange(state.Suggest(module, screen.Screen));
        state.SuggestStatusMap(module.FindField(module.StatusField ?? "status")?.PicklistValues ?? [], screen.Screen.Statuses);
        state.Options = state.Options with { Status = true, Comments = true, Attachments = true };
        state.SetAutoCreate(true, await metadata.GetZohoNowAsync(module.ApiName, cancellationToken));
        return state.ToModel();
    }
}
