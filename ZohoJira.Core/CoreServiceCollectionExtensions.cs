using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Common;
using ZohoJira.Core.Jira;
using ZohoJira.Core.Operations;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.Scheduling;
using ZohoJira.Core.Security;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Users;
using ZohoJira.Core.Zoho;

namespace ZohoJira.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers persistence, secrets, users and the core services.</summary>
    public static IServiceCollection AddZohoJiraCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.SectionName));
        services.Configure<AppUrlOptions>(configuration.GetSection(AppUrlOptions.SectionName));
        services.Configure<ActivityOptions>(configuration.GetSection(ActivityOptions.SectionName));

        services.AddSingleton<DatabaseLocation>();
        services.AddSingleton<SecretProtector>();
        services.AddSingleton<ZohoJiraDbContextFactory>();
        services.AddSingleton<IDbContextFactory<ZohoJiraDbContext>>(sp => sp.GetRequiredService<ZohoJiraDbContextFactory>());
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>().CreateDbContext());

        // The key ring lives in the database (encrypted when DataProtection:* says how): restarts and other instances
        // read the keys that protected stored secrets.
        services.AddZohoJiraDataProtection(configuration);

        services.AddSingleton<IPasswordHasher<AppUser>, PasswordHasher<AppUser>>();
        services.AddSingleton<UserService>();
        services.AddSingleton<ActivityRetentionService>();
        services.AddSingleton<JobRunRecorder>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<InboundEventStore>();
        services.AddSingleton<SmartItemService>();
        services.AddSingleton<IssuePanel.IssuePanelService>();
        services.AddOperations(configuration);
        services.AddSingleton<SmartItems.Metadata.SmartItemMetadataService>();
        services.AddDurableWork(configuration);
        services.AddSingleton<IWorkHandler, Sync.ZohoToJira.ZohoPullHandler>();
        services.AddSingleton<IWorkHandler, Sync.AutoCreate.JiraCreateHandler>();
        services.AddSingleton<IWorkHandler, Sync.AutoCreate.LinkAnnounceHandler>();
        services.AddSingleton<IWorkHandler, Sync.JiraToZoho.JiraPushHandler>();
        services.AddSingleton<Sync.JiraToZoho.JiraInboxProcessor>();
        services.AddHostedService<Sync.JiraToZoho.JiraInboxHostedService>();
        services.AddSingleton<Sync.Comments.ZohoCommentScanner>();
        services.AddSingleton<IWorkHandler, Sync.Comments.ZohoCommentHandler>();
        services.AddSingleton<Sync.Attachments.ZohoAttachmentScanner>();
        services.AddSingleton<IWorkHandler, Sync.Attachments.ZohoAttachmentHandler>();
        services.AddSingleton<Sync.JiraToZoho.JiraMirrorWorkSource>();
        services.AddSingleton<Sync.JiraToZoho.IJiraEventWorkSource>(sp => sp.GetRequiredService<Sync.JiraToZoho.JiraMirrorWorkSource>());
        services.AddSingleton<Sync.JiraToZoho.IJiraCatchUpWorkSource>(sp => sp.GetRequiredService<Sync.JiraToZoho.JiraMirrorWorkSource>());
        services.AddSingleton<IWorkHandler, Sync.JiraToZoho.JiraMirrorScanHandler>();
        services.AddSingleton<IWorkHandler, Sync.Comments.JiraCommentHandler>();
        services.AddSingleton<IWorkHandler, Sync.Attachments.JiraAttachmentHandler>();
        services.AddSingleton<Sync.JiraToZoho.JiraIssueMirrorScanner>();
        services.Configure<Sync.AutoCreate.AutoCreateOptions>(configuration.GetSection(WorkOptions.SectionName));
        services.AddSingleton<Sync.Inbox.ZohoInboxProcessor>();
        services.Configure<Sync.CatchUp.CatchUpOptions>(configuration.GetSection(WorkOptions.SectionName));
        services.AddSingleton<Sync.CatchUp.ZohoCatchUpService>();
        services.AddSingleton<Sync.CatchUp.JiraCatchUpService>();
        services.AddSingleton<Sync.CatchUp.LinkRefreshService>();
        services.AddHostedService<Sync.Inbox.InboxHostedService>();

        services.AddZohoDesk(configuration);
        services.AddJira(configuration);
        return services;
    }
}
