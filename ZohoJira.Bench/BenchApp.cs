using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace ZohoJira.Bench;

/// <summary>The whole app in-process with the sandbox on, its own SQLite file, no scheduler and by default no workers
/// (the benchmark drives the engine; <paramref name="workers"/> runs the app's own worker and inbox loops), and every
/// outbound HttpClient routed to the in-memory server: the real vendor clients talk to the simulators over real HTTP
/// handlers, without sockets.</summary>
internal sealed class BenchApp(int workers = 0) : WebApplicationFactory<global::Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "zohojira-bench", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dataDirectory);
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:DataDirectory", _dataDirectory);
        builder.UseSetting("Sandbox:Enabled", "true");
        builder.UseSetting("Sandbox:BaseUrl", "http://localhost");
        builder.UseSetting("App:PublicBaseUrl", "http://localhost");
        builder.UseSetting("Sync:Workers", workers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Scheduler:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services => services.ConfigureAll<HttpClientFactoryOptions>(o =>
            o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = Server.CreateHandler())));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
