using Microsoft.AspNetCore.Components;
using MudBlazor;
using ZohoJira.Core.Common;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira.Webhooks;
using ZohoJira.Web.Endpoints;

namespace ZohoJira.Web.Components.Admin.Connections;

/// <summary>The Jira connection (product §3): site, account e-mail and API token, a Test that shows who the connector acts
/// as, and the admin webhook — registered by the connector, or entered by hand from the URL, secret and events shown here.</summary>
public sealed partial class JiraConnectionPage
{
    private JiraForm _form = new();
    private JiraConnectionStatus? _status;
    private JiraWebhookInstructions? _manual;
    private string? _testResult;
    private string? _error;
    private SandboxJiraSite? _sandboxSite;
    private string? _jql;
    private Uri? _receiverUrl;
    private bool _busy;

    [Inject]
    private JiraConnectionService Connections { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private IServiceProvider Services { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _sandboxSite = Services.GetService<ISandboxEnvironment>()?.JiraSite();
        _receiverUrl = JiraWebhookEndpoints.ReceiverUrl(Services);
        await LoadAsync();
        if (_status is not null)
        {
            _form = new JiraForm { SiteUrl = _status.SiteUrl, Email = _status.Email };
        }
    }

    private static string Format(DateTime? at) => at is { } value ? value.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : "-";

    private static Color WebhookColor(string? state) => state switch
    {
        JiraWebhookStates.Registered => Color.Success,
        JiraWebhookStates.Manual => Color.Info,
        JiraWebhookStates.Failed => Color.Error,
        _ => Color.Default,
    };

    private static string EventLabel(string webhookEvent) => webhookEvent switch
    {
        JiraWebhookEvents.IssueUpdated => "Issue: updated",
        JiraWebhookEvents.CommentCreated => "Comment: created",
        JiraWebhookEvents.CommentUpdated => "Comment: updated",
        JiraWebhookEvents.AttachmentCreated => "Attachment: created",
        _ => webhookEvent,
    };

    /// <summary>The failure in words an admin can act on; never the token.</summary>
    private static string Explain(Exception exception) => exception switch
    {
        ExternalApiException { Category: FailureCategory.Authentication } =>
            "Jira did not accept the e-mail and API token. Check both; API tokens expire (after a year at most) and can be revoked.",
        ExternalApiException { Category: FailureCategory.NotFound } =>
            "No Jira REST API answered at that address. Check the site URL (https://your-site.atlassian.net).",
        ExternalApiException { Category: FailureCategory.Permission } api => api.Message,
        ExternalApiException { Category: FailureCategory.Transient or FailureCategory.Timeout } =>
            "Jira could not be reached. Check the site URL and this server's internet access, then try again.",
        ExternalApiException { Category: FailureCategory.RateLimited } api =>
            $"Jira asked to slow down; try again in {Math.Ceiling(api.RetryAfter?.TotalSeconds ?? 30)} seconds.",
        ExternalApiException api => api.Message,
        ArgumentException argument => argument.Message.Split(" (Parameter", StringSplitOptions.None)[0],
        InvalidOperationException invalid => invalid.Message,
        _ => "Something went wrong: " + exception.GetType().Name,
    };

    private async Task LoadAsync()
    {
        _status = await Connections.GetStatusAsync();
        _jql = _status is null ? null : await Connections.BuildWebhookJqlAsync();
    }

    private void UseSandbox()
    {
        _form = new JiraForm { SiteUrl = _sandboxSite!.SiteUrl, Email = _sandboxSite.ConnectorEmail, ApiToken = _sandboxSite.ConnectorApiToken };
        _error = null;
        _testResult = null;
    }

    private async Task TestAsync() => await RunAsync(async () =>
    {
        var me = await Connections.TestAsync(_form.SiteUrl ?? string.Empty, _form.Email ?? string.Empty, _form.ApiToken);
        _testResult = $"Works: the connector would act as {me.DisplayName} ({me.EmailAddress ?? _form.Email}, account id {me.AccountId}).";
    });

    private async Task SaveAsync() => await RunAsync(async () =>
    {
        var form = _form;
        var me = await Connections.SaveAsync(form.SiteUrl ?? string.Empty, form.Email ?? string.Empty, form.ApiToken);
        _testResult = $"Saved: the connector acts as {me.DisplayName} (account id {me.AccountId}).";
        _form.ApiToken = null;
        Snackbar.Add($"Jira connected: acting as {me.DisplayName}.", Severity.Success);
    });

    private async Task DisconnectAsync()
    {
        if (await Dialogs.ShowMessageBoxAsync("Disconnect Jira",
                "Disconnect Jira? The stored API token and webhook secret are deleted and the connector's webhook is removed from the site.",
                yesText: "Disconnect", cancelText: "Cancel") == true)
        {
            await RunAsync(async () =>
            {
                await Connections.DisconnectAsync();
                _form = new JiraForm();
                _manual = null;
                _testResult = null;
                Snackbar.Add("Jira disconnected.", Severity.Info);
            });
        }
    }

    private async Task RegisterWebhookAsync() => await RunAsync(async () =>
    {
        var hook = await Connections.RegisterWebhookAsync(_receiverUrl!);
        _manual = null;
        Snackbar.Add($"Webhook registered: Jira calls {hook.Url}.", Severity.Success);
    });

    private async Task ShowManualAsync() => await RunAsync(async () => _manual = await Connections.GetManualInstructionsAsync(_receiverUrl!));

    private async Task NewSecretAsync() => await RunAsync(async () => _manual = await Connections.GetManualInstructionsAsync(_receiverUrl!, newSecret: true));

    private async Task RefreshAsync() => await LoadAsync();

    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is ExternalApiException or ArgumentException or InvalidOperationException)
        {
            _error = Explain(ex);
        }
        finally
        {
            _busy = false;
            await LoadAsync();
        }
    }

    private sealed class JiraForm
    {
        public string? SiteUrl { get; set; }

        public string? Email { get; set; }

        public string? ApiToken { get; set; }
    }
}
