using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz.Impl.AdoJobStore;
using Quartz.Impl.AdoJobStore.Common;
using ZohoJira.Core.Persistence;
using ZohoJira.Web;

namespace ZohoJira.Tests.Web.Jobs;

/// <summary>With <c>Database:Provider=SqlServer</c> the app is wired for SQL Server without starting it (no SQL Server engine
/// runs here): the context is the SQL Server flavour and Quartz uses its clustered SQL Server store, whose ADO provider
/// loads. Whether the store works against a live server is not proven here.</summary>
public sealed class SqlServerSchedulerConfigurationTests
{
    private const string ConnectionString = "Server=sql.invalid;Database=zohojira;User Id=zj;Password=unused;TrustServerCertificate=true";

    [Fact]
    public async Task SqlServerProvider_UsesTheSqlServerContext_AndAClusteredSqlServerJobStore()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["Database:Provider"] = "SqlServer";
        builder.Configuration["Database:ConnectionString"] = ConnectionString;
        builder.AddZohoJiraWeb();
        await using var app = builder.Build();

        await using (var db = app.Services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>().CreateDbContext())
        {
            db.Should().BeOfType<SqlServerZohoJiraDbContext>();
            db.Database.ProviderName.Should().Be("Microsoft.EntityFrameworkCore.SqlServer");
        }

        // Quartz 4 resolves its store, delegate and ADO provider from DI; creating them opens no connection.
        var store = app.Services.GetRequiredService<Quartz.Extensibility.IJobStore>();
        store.Clustered.Should().BeTrue();
        store.SupportsPersistence.Should().BeTrue();
        app.Services.GetRequiredService<IDriverDelegate>().Should().BeOfType<SqlServerDelegate>();
        // The ADO provider Quartz names must resolve to a loadable SQL Server client.
        var dbProvider = app.Services.GetRequiredService<IDbProvider>();
        dbProvider.ConnectionString.Should().Be(ConnectionString);
        await using (var viaQuartz = dbProvider.CreateConnection())
        {
            viaQuartz.GetType().FullName.Should().Be("Microsoft.Data.SqlClient.SqlConnection");
        }
    }
}
