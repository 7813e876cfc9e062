using System.Globalization;

namespace HelpDirectory.Bench;

/// <summary>How the timed saves (propagate, reindex) report: one line, which bench/run and the report read.</summary>
internal static class Timings
{
    /// <summary>Prints "{what}: median N ms, max N ms over N saves (...)", and writes it to --out when given.</summary>
    public static async Task<int> ReportAsync(string what, List<double> times, Options options)
    {
        times.Sort();
        var line = string.Format(CultureInfo.InvariantCulture, "{0}: median {1:0} ms, max {2:0} ms over {3} saves ({4})",
            what, times[times.Count / 2], times[^1], times.Count, string.Join(", ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture))));
        Console.WriteLine(line);
        if (options.Find("out") is { } path) await File.WriteAllTextAsync(path, line + "\n");
        return 0;
    }
}
