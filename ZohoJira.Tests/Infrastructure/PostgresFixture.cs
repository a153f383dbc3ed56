using System.Diagnostics;
using Npgsql;

namespace ZohoJira.Tests.Infrastructure;

/// <summary>A throwaway PostgreSQL cluster for the test run: initdb into a temp folder, pg_ctl start on 127.0.0.1 and a
/// free port (as the postgres user when running as root: initdb refuses root), stopped and deleted at the end. Each test
/// gets its own database from <see cref="CreateDatabaseAsync"/>.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "zohojira-pg-" + Guid.NewGuid().ToString("N")[..8]);
    private string? _bin;
    private int _port;

    private string DataDir => Path.Combine(_root, "data");

    public string AdminConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Pooling=false";

    public async Task InitializeAsync()
    {
        _bin = FindBinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin. Install them with " +
            "'apt-get install -y postgresql' (the README's test command does this).");
        _port = LoopbackPort.Next();
        Directory.CreateDirectory(_root);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", $"postgres:postgres {_root}");
        }

        await RunPgAsync(asRoot, "initdb", $"-D {DataDir} -U postgres -A trust -E UTF8 --no-sync --locale=C.UTF-8");
        await RunPgAsync(asRoot, "pg_ctl",
            $"-D {DataDir} -l {Path.Combine(_root, "server.log")} -w -t 60 " +
            $"-o \"-p {_port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start");
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "zj_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={_port};Username=postgres;Database={name}";
    }

    public async Task DisposeAsync()
    {
        if (_bin is not null && Directory.Exists(DataDir))
        {
            try
            {
                await RunPgAsync(Environment.UserName == "root", "pg_ctl", $"-D {DataDir} -m immediate -w stop");
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Task RunPgAsync(bool asRoot, string tool, string arguments) =>
        asRoot
            ? RunAsync("runuser", $"-u postgres -- {Path.Combine(_bin!, tool)} {arguments}")
            : RunAsync(Path.Combine(_bin!, tool), arguments);

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }

    private static string? FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .FirstOrDefault();
    }

}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
