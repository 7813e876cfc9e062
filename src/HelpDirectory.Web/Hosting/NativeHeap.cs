using System.Runtime.InteropServices;

namespace HelpDirectory.Web.Hosting;

/// <summary>
/// How glibc's malloc, which the runtime's compiler, SQLite, ICU and OpenSSL allocate through, keeps its memory. By default
/// each thread that allocates may get an arena of its own (up to 8 per core), and freed blocks of up to 32 MiB stay in them.
/// Two arenas, and blocks of 64 KiB and more mapped on their own (so given back when freed), keep the site's native memory
/// to what it uses: about 6 MiB less at the benchmark's peak, and 10-15 MiB less once a burst of load is over
/// (bench/NOTES.md, section 15). Set in the process rather than through MALLOC_ARENA_MAX, so every way the site is started
/// gets it. Elsewhere than Linux with glibc, nothing is changed.
/// </summary>
public static class NativeHeap
{
    private const int MmapThreshold = -3; // M_MMAP_THRESHOLD
    private const int ArenaMax = -8;      // M_ARENA_MAX

    /// <summary>Whether glibc took both settings.</summary>
    public static bool Configure()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return MallOpt(ArenaMax, 2) == 1 && MallOpt(MmapThreshold, 64 * 1024) == 1;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallOpt(int parameter, int value);
}
