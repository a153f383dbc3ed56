namespace ZohoJira.Core.Persistence;

/// <summary>Creates the SQLite folder and file readable by the app's user only (0700 / 0600 on Unix): the file holds the
/// encrypted secrets and, unless the key ring is protected, the keys that decrypt them. Windows keeps its inherited ACLs.</summary>
public static class PrivateStorage
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (0700) or narrows an existing one the app owns.</summary>
    public static void EnsureFolder(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, FolderMode);
        }

        Narrow(path, FolderMode);
    }

    /// <summary>Creates an empty file (0600) for SQLite to fill, or narrows an existing one.</summary>
    public static void EnsureFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(path))
        {
            try
            {
                using var created = new FileStream(path, new FileStreamOptions
                {
                    Mode = System.IO.FileMode.CreateNew,
                    Access = FileAccess.Write,
                    UnixCreateMode = FileMode,
                });
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance created it first.
            }
        }

        Narrow(path, FileMode);
    }

    private static void Narrow(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            if ((File.GetUnixFileMode(path) & ~mode) != 0)
            {
                File.SetUnixFileMode(path, mode);
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            // Not ours to change (e.g. a mounted volume owned by another user): leave it as the operator set it.
        }
    }
}
