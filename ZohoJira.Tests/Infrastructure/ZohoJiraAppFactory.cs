using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using ZohoJira.Core.Persistence;
using ZohoJira.Web.Security;

namespace ZohoJira.Tests.Infrastructure;

/// <summary>The whole app in-process, with its own database (a fresh SQLite file, or a PostgreSQL database), the sandbox
/// on, a fake clock, and every outbound HttpClient routed to the in-memory server so the real vendor clients talk to the
/// simulators over real HTTP handlers without sockets. With <see cref="UseRealPort"/> the app listens on a loopback port
/// instead (browser tests), and outbound calls go over real sockets to itself.</summary>
public sealed partial class ZohoJiraAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);
    private int? _port;
    private string _environment = "Development";

    public ZohoJiraAppFactory(string? dataDirectory = null)
    {
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "zohojira-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _settings["Database:DataDirectory"] = DataDirectory;
        _settings["Sandbox:Enabled"] = "true";
        _settings["Sandbox:BaseUrl"] = "http://localhost";
        _settings["App:PublicBaseUrl"] = "http://localhost";

        // Tests sign in many times from one address; the limit itself is tested with a low value.
        _settings["Auth:SignInAttemptsPerMinute"] = "1000";

        // Test output stays readable and the suite fast: the app logs warnings and errors only, unless a test asks for
        // more with WithLogLevel.
        _settings["Logging:LogLevel:Default"] = "Warning";

        // Quartz keeps schedulers in a process-wide registry by name: each host gets its own.
        _settings["Scheduler:Name"] = "ZohoJira-test-" + Guid.NewGuid().ToString("N")[..8];
    }

    public ClockOnlyTimeProvider Time { get; } = new();

    /// <summary>Everything the app logged, at the levels its configuration lets through.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>The folder of this host's SQLite file; reuse it in a second factory to simulate a restart.</summary>
    public string DataDirectory { get; }

    /// <summary>The base address of the app when it listens on a real port.</summary>
    public string? BaseUrl => _port is { } port ? $"http://127.0.0.1:{port}" : null;

    /// <summary>Sets a configuration value before the host starts.</summary>
    public ZohoJiraAppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Lets this host log from <paramref name="level"/> up (all categories, or one category); the default is
    /// Warning.</summary>
    public ZohoJiraAppFactory WithLogLevel(LogLevel level, string? category = null) =>
        With(category is null ? "Logging:LogLevel:Default" : $"Logging:LogLevel:{category}", level.ToString());

    /// <summary>Hosts the app in another environment (e.g. Production, where errors take the production paths).</summary>
    public ZohoJiraAppFactory InEnvironment(string environment)
    {
        _environment = environment;
        return this;
    }

    public ZohoJiraAppFactory UsePostgres(string connectionString) =>
        With("Database:Provider", "Postgres").With("Database:ConnectionString", connectionString);

    /// <summary>Listen on a free loopback port (for a real browser); outbound calls then use real sockets.</summary>
    public ZohoJiraAppFactory UseRealPort()
    {
        _port = LoopbackPort.Next();
        With("Sandbox:BaseUrl", BaseUrl).With("App:PublicBaseUrl", BaseUrl);
        UseKestrel(_port.Value);
        return this;
    }

    /// <summary>Starts the host now (migrations, seed users) rather than on first use.</summary>
    public ZohoJiraAppFactory Start()
    {
        if (_port is null)
        {
            _ = Server;
        }
        else
        {
            StartServer();
        }

        return this;
    }

    public ZohoJiraDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>().CreateDbContext();

    /// <summary>An HttpClient that keeps cookies and does not follow redirects, signed in through the real sign-in form.</summary>
    public async Task<HttpClient> CreateSignedInClientAsync(string userName, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostLoginAsync(client, userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    public Task<HttpClient> CreateAdminClientAsync() => CreateSignedInClientAsync(DemoAccounts.Admin.UserName, DemoAccounts.Admin.Password);

    public Task<HttpClient> CreateUserClientAsync() => CreateSignedInClientAsync(DemoAccounts.User.UserName, DemoAccounts.User.Password);

    /// <summary>Fetches the form to get an antiforgery token, then posts the credentials like a browser would.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var path = returnUrl is null ? "/account/login" : $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}";
        var form = await client.GetStringAsync(path);
        var token = AntiforgeryToken(form);
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException("No antiforgery token on the page.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(_environment);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            if (_port is null)
            {
                services.ConfigureAll<HttpClientFactoryOptions>(o =>
                    o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = Server.CreateHandler()));
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TryDeleteDataDirectory();
    }

    private void TryDeleteDataDirectory()
    {
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a late background task; the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
