using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ZohoJira.Core.Persistence;

/// <summary>Resolves the effective connection string once: for SQLite without one, a file in the data folder (created).</summary>
public sealed class DatabaseLocation
{
    public DatabaseLocation(IOptions<DatabaseOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var o = options.Value;
        DataDirectory = Path.GetFullPath(o.DataDirectory, environment.ContentRootPath);
        if (o.Provider != DatabaseProvider.Sqlite)
        {
            ConnectionString = string.IsNullOrWhiteSpace(o.ConnectionString)
                ? throw new InvalidOperationException(
                    $"Database:Provider is {o.Provider} but Database:ConnectionString is empty (env: Database__ConnectionString).")
                : o.ConnectionString;
            return;
        }

        PrivateStorage.EnsureFolder(DataDirectory);
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(o.ConnectionString)
            ? $"Data Source={Path.Combine(DataDirectory, "zohojira.db")}"
            : o.ConnectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, DataDirectory);
        }

        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:"
            && !builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var folder = Path.GetDirectoryName(builder.DataSource)!;
            if (!Directory.Exists(folder))
            {
                PrivateStorage.EnsureFolder(folder);
            }

            PrivateStorage.EnsureFile(builder.DataSource);
        }

        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        ConnectionString = builder.ToString();
    }

    /// <summary>The folder for local state (SQLite file, attachments staging).</summary>
    public string DataDirectory { get; }

    public string ConnectionString { get; }
}
