using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ZohoJira.Tests.Web.Hosting;

/// <summary>The app started as a new user or the container starts it, in Production, as a real process on a real port:
/// the Blazor client script, the app's css and the component library's files must come back whole, or the UI is dead.</summary>
public sealed class StaticAssetsOutsideDevelopmentTests
{
    private static readonly string[] AssetPaths =
    [
        "/_framework/blazor.web.js",
        "/css/app.css",
        "/_content/MudBlazor/MudBlazor.min.css",
        "/_content/MudBlazor/MudBlazor.min.js",
    ];

    [Fact]
    public async Task BuildOutput_InProduction_ServesTheClientScriptAppCssAndMudBlazor()
    {
        var buildOutput = Path.Combine(SolutionDirectory(), "ZohoJira.Web", "bin", Configuration, "net10.0");
        File.Exists(Path.Combine(buildOutput, "ZohoJira.Web.staticwebassets.runtime.json")).Should()
            .BeTrue("running from build output is what the manifest check detects");

        await AssertServesAssetsAsync(buildOutput);
    }

    [Fact]
    public async Task PublishedOutput_InProduction_ServesTheClientScriptAndMudBlazor()
    {
        var output = Path.Combine(Path.GetTempPath(), "zohojira-publish-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (exitCode, log) = await RunAsync("dotnet", SolutionDirectory(),
                "publish", Path.Combine("ZohoJira.Web", "ZohoJira.Web.csproj"), "-c", "Release", "-o", output, "-nologo", "-v", "quiet");
            exitCode.Should().Be(0, log);
            File.Exists(Path.Combine(output, "ZohoJira.Web.staticwebassets.runtime.json")).Should()
                .BeFalse("published output carries its assets itself, like the container image");

            await AssertServesAssetsAsync(output);
        }
        finally
        {
            TryDelete(output);
        }
    }

    private static async Task AssertServesAssetsAsync(string appDirectory)
    {
        var data = Path.Combine(Path.GetTempPath(), "zohojira-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(appDirectory, "ZohoJira.Web.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__DataDirectory"] = data;
        start.Environment["Scheduler__Name"] = "ZohoJira-assets-" + port;
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var log = new StringBuilder();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // A plain client of its own: this talks to a separate process, not through the app under test.
            using var handler = new SocketsHttpHandler();
            using var http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            await WaitUntilListeningAsync(http, process, log);

            foreach (var path in AssetPaths)
            {
                using var response = await http.GetAsync(path);
                var body = await response.Content.ReadAsByteArrayAsync();
                response.StatusCode.Should().Be(HttpStatusCode.OK, $"{path} is served ({Log(log)})");
                body.Length.Should().BeGreaterThan(1000, $"{path} comes back whole, not empty");
            }

            // The page links the same files (fingerprinted), so the browser gets what was checked above.
            var page = await http.GetStringAsync("/account/login");
            page.Should().Contain("_framework/blazor.web").And.Contain("_content/MudBlazor/MudBlazor.min");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            TryDelete(data);
        }
    }

    private static async Task WaitUntilListeningAsync(HttpClient http, Process process, StringBuilder log)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            process.HasExited.Should().BeFalse($"the app keeps running ({Log(log)})");
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The app did not answer /health within 90 s. {Log(log)}");
    }

    private static async Task<(int ExitCode, string Log)> RunAsync(string fileName, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static string Log(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    private static string SolutionDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ZohoJira.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ZohoJira.sln not found above " + AppContext.BaseDirectory);
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
