using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using ZohoJira.Core.Common;
using ZohoJira.Core.Connections;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Web.Hosting;

namespace ZohoJira.Tests.Components;

/// <summary>One started app per test class: its real services (SQLite, the in-process simulators, the fake clock) back
/// the components under test. Tests in a class share its database, so each uses names of its own.</summary>
public sealed class ComponentAppFixture : IAsyncLifetime
{
    public ZohoJiraAppFactory App { get; } = new();

    public Task InitializeAsync()
    {
        App.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>A bUnit context wired to the app's services in a scope of their own, signed in with a role, rendering as
/// the interactive circuit does (or as the prerender does), with MudBlazor's popover and dialog hosts in place.
/// Owned rather than inherited: MudBlazor registers services that only dispose asynchronously.</summary>
internal sealed class ComponentHost : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    public ComponentHost(ZohoJiraAppFactory app, string? role = "Admin", bool interactive = true, bool providers = true)
    {
        ArgumentNullException.ThrowIfNull(app);
        _scope = app.Services.CreateAsyncScope();
        Context.Services.AddMudServices();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddFallbackServiceProvider(_scope.ServiceProvider);

        // Components that look services up through an injected IServiceProvider see only these directly registered ones.
        if (app.Services.GetService<ISandboxEnvironment>() is { } sandbox)
        {
            Context.Services.AddSingleton(sandbox);
        }

        // Options are open generics the test context registers itself, so the app's configured ones are handed over.
        Context.Services.AddSingleton(app.Services.GetRequiredService<IOptions<AppUrlOptions>>());
        Context.Services.AddSingleton(app.Services.GetRequiredService<IOptions<SandboxOptions>>());
        Authorization = Context.AddAuthorization();
        if (role is not null)
        {
            Authorization.SetAuthorized("component-test");
            Authorization.SetRoles(role);
        }

        Context.SetRendererInfo(new RendererInfo("Server", interactive));
        if (providers)
        {
            Context.Render<MudPopoverProvider>();
            Dialogs = Context.Render<MudDialogProvider>();
        }
    }

    public BunitContext Context { get; } = new();

    /// <summary>Where dialogs and message boxes appear.</summary>
    public IRenderedComponent<MudDialogProvider> Dialogs { get; } = null!;

    /// <summary>Who the components see as signed in (claims can be added, e.g. a real user's id).</summary>
    public BunitAuthorizationContext Authorization { get; }

    public ISnackbar Snackbar => Context.Services.GetRequiredService<ISnackbar>();

    /// <summary>The texts of the snackbars shown so far.</summary>
    public IReadOnlyList<string> SnackbarMessages => Snackbar.ShownSnackbars.Select(s => s.Message ?? string.Empty).ToList();

    public IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : IComponent =>
        parameters is null ? Context.Render<T>() : Context.Render(parameters);

    /// <summary>Clicks the dialog button with this caption.</summary>
    public void ClickDialogButton(string caption)
    {
        Dialogs.WaitForAssertion(() => Dialogs.FindAll("button").Should().Contain(b => b.TextContent.Trim() == caption));
        Dialogs.FindAll("button").First(b => b.TextContent.Trim() == caption).Click();
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
