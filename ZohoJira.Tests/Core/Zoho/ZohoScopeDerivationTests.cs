using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;
using ZohoJira.Core.Zoho.Webhooks;
using ZohoJira.Tests.Core.SmartItems;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Tests.Web.Sandbox.ZohoDesk;

namespace ZohoJira.Tests.Core.Zoho;

/// <summary>The connector asks Zoho for exactly the scopes its calls need. Every method of the Zoho client is called
/// against the simulator (for every module it takes), the routes it reached are looked up in Zoho's OpenAPI files, and
/// the union of those operations' scopes — plus the <c>Desk.webhooks.*</c> names Zoho's webhook guide uses where the
/// OpenAPI files say <c>Desk.events.*</c>/<c>Desk.settings.*</c> — must be <see cref="ZohoScopes"/>, no more and no
/// less. A scope listed on an operation is taken as required (OpenAPI's meaning of a list), so the connector is never
/// short of one whichever way Zoho reads its lists.</summary>
public sealed class ZohoScopeDerivationTests : IAsyncLifetime
{
    private const string DeskPrefix = "/sandbox/zoho/desk";

    private static readonly Lazy<ZohoOpenApiDocuments> Documents = new(ZohoOpenApiDocuments.Load);

    private readonly ZohoJiraAppFactory _app = new ZohoJiraAppFactory().With("Sync:Workers", "0");
    private IZohoDeskClient _client = null!;
    private string? _webhookId;

    public async Task InitializeAsync() =>
        // The admin granted every scope Zoho documents, so no call fails for want of one while the routes are collected.
        _client = await ZohoSandboxConnection.ConnectAsync(_app, string.Join(',', Documents.Value.AllScopes()));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Each client method with a call of it; modules are iterated where the method takes one.</summary>
    private Dictionary<string, Func<Task>> Calls()
    {
        var state = _app.State();
        string ticket;
        string threadWithFile;
        lock (state.Gate)
        {
            ticket = state.Records["tickets"].Keys.First();
            threadWithFile = state.Threads.First(t => t.Value.Any(x => x.Attachments.Count > 0)).Key;
        }

        async Task EachModule(Func<ZohoModule, Task> call)
        {
            foreach (var module in ZohoModule.All)
            {
                await call(module);
            }
        }

        string RecordOf(ZohoModule module)
        {
            lock (state.Gate)
            {
                if (module == ZohoModule.TimeEntries)
                {
                    var (ticketId, entries) = state.TimeEntries.First(e => e.Value.Count > 0);
                    return $"{ticketId}:{entries[0]["id"]!.GetValue<string>()}";
                }

                return state.Records[module.ApiName].Keys.First();
            }
        }

        return new Dictionary<string, Func<Task>>(StringComparer.Ordinal)
        {
            [nameof(IZohoDeskClient.ListOrganizationsAsync)] = () => _client.ListOrganizationsAsync(),
            [nameof(IZohoDeskClient.GetRecordAsync)] = () => EachModule(m => _client.GetRecordAsync(m, RecordOf(m))),
            [nameof(IZohoDeskClient.ListChangedAsync)] = () => EachModule(m => _client.ListChangedAsync(m, state.Now.AddDays(-30), null)),
            [nameof(IZohoDeskClient.SearchAsync)] = () => EachModule(m => _client.SearchAsync(m, "printer")),
            // The product creates Zoho records of no module; the client's create is kept for tickets (tests, sandbox).
            [nameof(IZohoDeskClient.CreateRecordAsync)] = () => _client.CreateRecordAsync(ZohoModule.Tickets, new JsonObject
            {
                ["subject"] = "Scope check",
                ["departmentId"] = state.Departments[0]["id"]!.GetValue<string>(),
                ["contactId"] = state.Records["contacts"].Keys.First(),
            }),
            [nameof(IZohoDeskClient.UpdateRecordAsync)] = () => EachModule(m => _client.UpdateRecordAsync(m, RecordOf(m),
                m == ZohoModule.TimeEntries ? new JsonObject { ["description"] = "Scope check" } : new JsonObject { [m.TitleField] = "Scope check" })),
            [nameof(IZohoDeskClient.GetFieldsAsync)] = () => EachModule(m => _client.GetFieldsAsync(m)),
            [nameof(IZohoDeskClient.ListLayoutsAsync)] = () => EachModule(m => _client.ListLayoutsAsync(m)),
            [nameof(IZohoDeskClient.GetLayoutFieldsAsync)] = async () =>
                await _client.GetLayoutFieldsAsync((await _client.ListLayoutsAsync(ZohoModule.Tickets))[0].Id),
            [nameof(IZohoDeskClient.ListModulesAsync)] = () => _client.ListModulesAsync(),
            [nameof(IZohoDeskClient.ListDepartmentsAsync)] = () => _client.ListDepartmentsAsync(),
            [nameof(IZohoDeskClient.ListAgentsAsync)] = () => _client.ListAgentsAsync(),
            [nameof(IZohoDeskClient.GetTicketStatusesAsync)] = () => _client.GetTicketStatusesAsync(),
            [nameof(IZohoDeskClient.ListCommentsAsync)] = () => EachModule(m => m.HasComments ? _client.ListCommentsAsync(m, RecordOf(m)) : Task.CompletedTask),
            [nameof(IZohoDeskClient.GetCommentAsync)] = () => EachModule(async m =>
            {
                if (m.HasComments)
                {
                    var comment = await _client.CreateCommentAsync(m, RecordOf(m), new ZohoCommentInput("<p>Scope check</p>"));
                    await _client.GetCommentAsync(m, RecordOf(m), comment.Id);
                }
            }),
            [nameof(IZohoDeskClient.CreateCommentAsync)] = () => EachModule(m => m.HasComments
                ? _client.CreateCommentAsync(m, RecordOf(m), new ZohoCommentInput("<p>Scope check</p>"))
                : Task.CompletedTask),
            [nameof(IZohoDeskClient.UpdateCommentAsync)] = () => EachModule(async m =>
            {
                if (m.HasComments)
                {
                    var comment = await _client.CreateCommentAsync(m, RecordOf(m), new ZohoCommentInput("<p>Scope check</p>"));
                    await _client.UpdateCommentAsync(m, RecordOf(m), comment.Id, new ZohoCommentInput("<p>Scope check, edited</p>"));
                }
            }),
            [nameof(IZohoDeskClient.ListAttachmentsAsync)] = () => EachModule(m => m.ListsAttachments ? _client.ListAttachmentsAsync(m, RecordOf(m)) : Task.CompletedTask),
            [nameof(IZohoDeskClient.ListThreadsAsync)] = () => _client.ListThreadsAsync(threadWithFile),
            [nameof(IZohoDeskClient.ListThreadAttachmentsAsync)] = async () =>
            {
                var thread = (await _client.ListThreadsAsync(threadWithFile)).Items.First(t => t.AttachmentCount > 0);
                await _client.ListThreadAttachmentsAsync(threadWithFile, thread.Id);
            },
            [nameof(IZohoDeskClient.DownloadAttachmentAsync)] = async () =>
            {
                var file = (await _client.ListAttachmentsAsync(ZohoModule.Tickets, ticket)).Items.FirstOrDefault()
                    ?? await _client.UploadAttachmentAsync(ZohoModule.Tickets, ticket, "scope.txt", new MemoryStream(Encoding.UTF8.GetBytes("scope")));
                await using (var download = await _client.DownloadAttachmentAsync(file))
                {
                }

                var thread = (await _client.ListThreadsAsync(threadWithFile)).Items.First(t => t.AttachmentCount > 0);
                var threadFile = (await _client.ListThreadAttachmentsAsync(threadWithFile, thread.Id))[0];
                await using var threadDownload = await _client.DownloadAttachmentAsync(threadFile);
            },
            [nameof(IZohoDeskClient.UploadAttachmentAsync)] = () => EachModule(m => m.AcceptsAttachments
                ? _client.UploadAttachmentAsync(m, RecordOf(m), "scope.txt", new MemoryStream(Encoding.UTF8.GetBytes("scope")))
                : Task.CompletedTask),
            [nameof(IZohoDeskClient.ListWebhooksAsync)] = () => _client.ListWebhooksAsync(),
            // Created, changed and removed in this order (the table keeps it), on the app's own delivery address.
            [nameof(IZohoDeskClient.CreateWebhookAsync)] = async () => _webhookId = (await _client.CreateWebhookAsync(new ZohoWebhookInput(
                Url: await _app.Services.GetRequiredService<ZohoWebhookSubscriptionService>().GetDeliveryUrlAsync(),
                Name: "Scope check",
                Subscriptions: new Dictionary<string, JsonObject?> { ["Ticket_Add"] = null }))).Id,
            [nameof(IZohoDeskClient.UpdateWebhookAsync)] = () => _client.UpdateWebhookAsync(_webhookId!, new ZohoWebhookInput(Name: "Scope check, renamed")),
            [nameof(IZohoDeskClient.DeleteWebhookAsync)] = () => _client.DeleteWebhookAsync(_webhookId!),
        };
    }

    [Fact]
    public void EveryClientMethod_IsCalledByTheDerivation()
    {
        var methods = typeof(IZohoDeskClient).GetMethods().Where(m => !m.IsSpecialName).Select(m => m.Name).ToHashSet();

        Calls().Keys.Should().BeEquivalentTo(methods, "a new client method must be called here so its scopes are derived");
    }

    [Fact]
    public async Task TheConnectorAsksForExactlyTheScopesOfTheOperationsItsClientCalls()
    {
        using var counter = new SandboxRequestCounter(_app.State());
        foreach (var (name, call) in Calls())
        {
            var act = call;
            await act.Should().NotThrowAsync($"{name} must reach Zoho to have its scopes derived");
        }

        var reached = counter.Routes
            .Where(r => r.Route.StartsWith(DeskPrefix + "/api/v1", StringComparison.Ordinal))
            .Select(r => (r.Method, Path: r.Route[DeskPrefix.Length..]))
            .ToHashSet();
        var derived = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var route in reached)
        {
            var documented = ZohoDeskOpenApiConformanceTests.NeedsWhatItsParentNeeds.GetValueOrDefault(route, route);
            Documents.Value.Operations.Should().ContainKey(documented, $"{route.Method} {route.Path} is an operation Zoho documents");
            foreach (var scope in Documents.Value.Scopes(Documents.Value.Operations[documented].Operation))
            {
                derived.Add(scope);
                if (documented.Path.StartsWith("/api/v1/webhooks", StringComparison.Ordinal)
                    && (scope.StartsWith("Desk.events.", StringComparison.Ordinal) || scope.StartsWith("Desk.settings.", StringComparison.Ordinal)))
                {
                    derived.Add("Desk.webhooks." + scope[(scope.LastIndexOf('.') + 1)..]);
                }
            }
        }

        reached.Should().HaveCountGreaterThan(30);
        ZohoScopes.All.Select(s => s.Scope).Should().BeEquivalentTo(derived,
            "ZohoScopes must list exactly these (derived: " + string.Join(',', derived) + ")");
        ZohoScopes.All.Select(s => s.Scope).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task AConnectionGrantedOneScopeTooFew_FailsTheCallsThatNeedIt_WithAPermissionError()
    {
        await using var app = new ZohoJiraAppFactory().With("Sync:Workers", "0");
        var client = await ZohoSandboxConnection.ConnectAsync(app,
            string.Join(',', ZohoScopes.All.Select(s => s.Scope).Where(s => s != "Desk.search.READ")));

        var search = () => client.SearchAsync(ZohoModule.Tickets, "printer");
        var read = () => client.GetRecordAsync(ZohoModule.Tickets, app.State().Records["tickets"].Keys.First());

        var error = (await search.Should().ThrowAsync<ZohoJira.Core.Common.ExternalApiException>()).Which;
        error.Category.Should().Be(ZohoJira.Core.Common.FailureCategory.Permission);
        error.VendorErrorCode.Should().Be("SCOPE_MISMATCH");
        (await read()).Should().NotBeNull();
    }
}
