using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using MudBlazor.Services;
using Quartz;
using ZohoJira.Core;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.Sync.CatchUp;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Users;
using ZohoJira.Sandbox;
using ZohoJira.Web.Hosting;
using ZohoJira.Web.Jobs;
using ZohoJira.Web.Security;

namespace ZohoJira.Web;

public static class WebServiceCollectionExtensions
{
    public const string AdminPolicy = "Admin";

    /// <summary>Everything the web host needs: Core, sign-in, Blazor, health, scheduler.</summary>
    public static WebApplicationBuilder AddZohoJiraWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;

        // The sandbox (simulated vendors, demo accounts) is on in Development unless configured off.
        if (builder.Environment.IsDevelopment() && configuration[$"{SandboxOptions.SectionName}:Enabled"] is null)
        {
            configuration[$"{SandboxOptions.SectionName}:Enabled"] = "true";
        }

        services.Configure<SandboxOptions>(configuration.GetSection(SandboxOptions.SectionName));
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.SectionName));
        services.Configure<SchedulerOptions>(configuration.GetSection(SchedulerOptions.SectionName));
        services.AddTelemetryExport(configuration);

        services.AddZohoJiraCore(configuration);

        AddSignIn(services, configuration);
        services.AddZohoJiraForwardedHeaders(configuration);

        BuildOutputAssets.UseWhenRunningFromBuild(builder);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<Components.Layout.UserTheme>();
        services.AddSingleton<Components.Admin.SmartItems.SmartItemChangeNotifier>();
        services.AddSingleton<Onboarding.DemoSetup>();

        services.AddHealthChecks()
            .AddDbContextCheck<ZohoJiraDbContext>("database", tags: ["ready"])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: ["ready"])
            .AddCheck<Operations.SyncHealthCheck>("sync", tags: ["ready"]);

        AddScheduler(services, configuration);

        if (configuration.GetValue<bool>($"{SandboxOptions.SectionName}:Enabled"))
        {
            services.AddZohoJiraSandbox(configuration);
        }

        return builder;
    }

    private static void AddSignIn(IServiceCollection services, IConfiguration configuration)
    {
        var lifetime = TimeSpan.FromHours(configuration.GetValue($"{AuthOptions.SectionName}:CookieLifetimeHours", 12.0));
        services.AddScoped<SecurityStampValidator>();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "ZohoJira.Auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/access-denied";
                o.ExpireTimeSpan = lifetime;
                o.SlidingExpiration = true;
                o.EventsType = typeof(SecurityStampValidator);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(nameof(AppRole.Admin)));
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ZohoJira.Antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // Password guessing is slowed per client address; everything else is unlimited.
        var attempts = Math.Max(1, configuration.GetValue($"{AuthOptions.SectionName}:SignInAttemptsPerMinute", 10));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method)
                && (context.Request.Path.StartsWithSegments("/account/login") || context.Request.Path.StartsWithSegments("/account/setup"))
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = attempts, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            o.OnRejected = async (context, token) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsync("Too many sign-in attempts from this address; wait a minute and try again.", token);
            };
        });
        services.AddHttpContextAccessor();
    }

    private static void AddScheduler(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new SchedulerOptions();
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var activity = configuration.GetSection(ActivityOptions.SectionName).Get<ActivityOptions>() ?? new ActivityOptions();
        var catchUp = configuration.GetSection(WorkOptions.SectionName).Get<CatchUpOptions>() ?? new CatchUpOptions();
        var interval = catchUp.CatchUpInterval > TimeSpan.Zero ? catchUp.CatchUpInterval : TimeSpan.FromMinutes(5);

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = options.Name);
            if (database.Provider is DatabaseProvider.Postgres or DatabaseProvider.SqlServer)
            {
                // Several instances share one schedule; each firing runs on exactly one node.
                q.UsePersistentStore(store =>
                {
                    if (database.Provider == DatabaseProvider.SqlServer)
                    {
                        store.UseSqlServer(database.ConnectionString!);
                    }
                    else
                    {
                        store.UsePostgres(database.ConnectionString!);
                    }

                    store.UseClustering();
                    store.ProvisionSchema();
                });
            }
            else
            {
                q.UseInMemoryStore();
            }

            q.AddJob<PruneActivityJob>(j => j.WithIdentity(PruneActivityJob.Key).StoreDurably()
                .WithDescription("Deletes activity older than the retention period."));
            q.AddTrigger(t => t.ForJob(PruneActivityJob.Key)
                .WithIdentity($"{PruneActivityJob.Name}-schedule", JobCatalog.Group)
                .WithCronSchedule(activity.PruneSchedule));

            q.AddJob<ZohoCatchUpJob>(j => j.WithIdentity(ZohoCatchUpJob.Key).StoreDurably()
                .WithDescription("Reads Zoho changes since the last cycle, once per module in use, and syncs linked records into Jira."));
            q.AddTrigger(t => t.ForJob(ZohoCatchUpJob.Key)
                .WithIdentity($"{ZohoCatchUpJob.Name}-schedule", JobCatalog.Group)
                .StartAt(TimeProvider.System.GetUtcNow() + interval)
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()));

            q.AddJob<JiraCatchUpJob>(j => j.WithIdentity(JiraCatchUpJob.Key).StoreDurably()
                .WithDescription("Searches Jira once for issues changed since the last cycle and syncs linked two-way issues into Zoho."));
            q.AddTrigger(t => t.ForJob(JiraCatchUpJob.Key)
                .WithIdentity($"{JiraCatchUpJob.Name}-schedule", JobCatalog.Group)
                .StartAt(TimeProvider.System.GetUtcNow() + interval)
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()));
        });

        if (options.Enabled)
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }
    }
}
