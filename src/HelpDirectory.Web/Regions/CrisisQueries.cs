using System.Text;
using System.Text.Json;

namespace HelpDirectory.Web.Regions;

/// <summary>
/// Words and phrases that show a search may come from someone in danger now ("kill myself", "vil dø"), kept as data in
/// content/data/crisis-queries.json in each language. A search that contains one gets the region's crisis lines first;
/// the search itself runs unchanged. Matching is on whole words, ignoring case, apostrophes and other punctuation. (The
/// site runs with invariant globalization, so accents are matched as written: "dø" is "dø".)
/// </summary>
public sealed class CrisisQueries
{
    private readonly string[] _phrases;

    public CrisisQueries(IEnumerable<string> phrases) =>
        _phrases = phrases.Select(Normalize).Where(p => p.Length > 2).Distinct(StringComparer.Ordinal).ToArray();

    public IReadOnlyList<string> Phrases => _phrases;

    public bool Matches(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return false;
        var text = Normalize(query);
        return _phrases.Any(p => text.Contains(p, StringComparison.Ordinal));
    }

    public static CrisisQueries Load(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var phrases = json.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Array)
            .SelectMany(p => p.Value.EnumerateArray().Select(v => v.GetString() ?? ""));
        return new CrisisQueries(phrases);
    }

    // " words separated by single spaces ", lower case, apostrophes dropped (don't → dont), other punctuation a space.
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append(' ');
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is '\'' or '’' or '`') continue;
            var letter = char.IsLetterOrDigit(c);
            if (letter) builder.Append(c);
            else if (builder[^1] != ' ') builder.Append(' ');
        }
        if (builder[^1] != ' ') builder.Append(' ');
        return builder.ToString();
    }
}
