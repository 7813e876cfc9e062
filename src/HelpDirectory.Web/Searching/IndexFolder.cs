using System.Diagnostics;
using System.Globalization;

namespace HelpDirectory.Web.Searching;

/// <summary>
/// Where this process keeps its search index: a folder of its own under the temporary folder
/// (<c>helpdirectory-search-{process id}-{random}</c>), one subfolder per full build. Several nodes or test sites on one
/// machine never share one. The folder is deleted when the site stops; a folder left by a process that no longer runs
/// (a crash) is deleted when the next one starts.
/// </summary>
internal sealed class IndexFolder : IDisposable
{
    private const string Prefix = "helpdirectory-search-";
    private readonly DirectoryInfo _root;
    private int _builds;

    public IndexFolder()
    {
        var temp = new DirectoryInfo(Path.GetTempPath());
        foreach (var left in temp.EnumerateDirectories(Prefix + "*"))
        {
            if (OwnerOf(left.Name) is { } pid && !Running(pid)) Delete(left);
        }
        _root = temp.CreateSubdirectory($"{Prefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Path.GetRandomFileName()}");
    }

    /// <summary>An empty folder for a new build.</summary>
    public DirectoryInfo Next() => _root.CreateSubdirectory("index-" + Interlocked.Increment(ref _builds).ToString(CultureInfo.InvariantCulture));

    public void Dispose() => Delete(_root);

    public static void Delete(DirectoryInfo folder)
    {
        try
        {
            folder.Refresh();
            if (folder.Exists) folder.Delete(recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another process's folder, or one in use: the next start tries again.
        }
    }

    private static int? OwnerOf(string name)
    {
        var rest = name[Prefix.Length..];
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static bool Running(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
