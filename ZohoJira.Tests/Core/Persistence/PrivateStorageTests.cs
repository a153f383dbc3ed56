using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Persistence;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Persistence;

/// <summary>The SQLite folder and file are created readable by the app's user only (the build machines are Unix).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateStorageTests
{
    [Fact]
    public async Task SqliteFolderAndFile_AreCreatedForTheAppsUserOnly()
    {
        var folder = Path.Combine(Path.GetTempPath(), "zohojira-tests", Guid.NewGuid().ToString("N"), "data");
        await using var app = new ZohoJiraAppFactory().With("Database:DataDirectory", folder).Start();
        var file = Path.Combine(app.Services.GetRequiredService<DatabaseLocation>().DataDirectory, "zohojira.db");

        File.Exists(file).Should().BeTrue();
        File.GetUnixFileMode(folder).Should().Be(PrivateStorage.FolderMode);
        File.GetUnixFileMode(file).Should().Be(PrivateStorage.FileMode);
    }

    [Fact]
    public void ExistingWideFolderAndFile_AreNarrowed()
    {
        var folder = Directory.CreateTempSubdirectory("zohojira-perm-").FullName;
        var file = Path.Combine(folder, "zohojira.db");
        File.WriteAllBytes(file, []);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100);

        PrivateStorage.EnsureFolder(folder);
        PrivateStorage.EnsureFile(file);

        File.GetUnixFileMode(folder).Should().Be(PrivateStorage.FolderMode);
        File.GetUnixFileMode(file).Should().Be(PrivateStorage.FileMode);
        Directory.Delete(folder, recursive: true);
    }
}
