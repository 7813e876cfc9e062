namespace HelpDirectory.Bench;

/// <summary>"--key value" pairs; a key may repeat (--page home=/ --page article=/articles/x).</summary>
public sealed class Options
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"Expected --key value, got '{args[i]}'");
            var key = args[i][2..];
            if (!options._values.TryGetValue(key, out var list)) options._values[key] = list = [];
            list.Add(args[++i]);
        }
        return options;
    }

    public string Get(string key) => _values.TryGetValue(key, out var v) ? v[^1] : throw new ArgumentException($"--{key} is required");

    public string? Find(string key) => _values.TryGetValue(key, out var v) ? v[^1] : null;

    public int Int(string key, int fallback) => Find(key) is { } s ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public IReadOnlyList<string> All(string key) => _values.TryGetValue(key, out var v) ? v : [];

    /// <summary>"name=value" pairs, in the order given.</summary>
    public IReadOnlyList<(string Name, string Value)> Pairs(string key) =>
        All(key).Select(p => p.Split('=', 2)).Select(p => (p[0], p.Length > 1 ? p[1] : "")).ToList();
}
