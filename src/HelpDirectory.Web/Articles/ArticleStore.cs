using HelpDirectory.Web.Data;
using System.Globalization;
using System.Text.RegularExpressions;
using HelpDirectory.Web.Listings;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HelpDirectory.Web.Articles;

public sealed record ArticleSection(string Slug, string Name);

public sealed record Article(
    string Slug,
    string Title,
    string Summary,
    DateOnly Reviewed,
    string Reviewer,
    ArticleSection Section,
    HelpKindInfo? Kind,
    bool Featured,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> ReferencesHtml,
    string BodyHtml,
    IReadOnlyList<TocEntry> Toc,
    int Words,
    string FileName)
{
    /// <summary>Minutes at an unhurried 180 words a minute, never less than one.</summary>
    public int ReadingMinutes => Math.Max(1, (int)Math.Ceiling(Words / 180.0));
}

public sealed class ArticleFrontMatter
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Summary { get; set; }
    public string? Reviewed { get; set; }
    public string? Reviewer { get; set; }
    public string? Section { get; set; }
    public string? Kind { get; set; }
    public bool Featured { get; set; }
    public List<string>? Tags { get; set; }
    public List<string>? References { get; set; }
}

public sealed class ArticleFormatException(string file, string message) : Exception($"Article {file}: {message}")
{
    public string File { get; } = file;
}

/// <summary>Every article, parsed and rendered once at start; in Development again whenever a file changes.</summary>
public sealed partial class ArticleStore
{
    public static readonly IReadOnlyList<ArticleSection> Sections =
    [
        new("understanding", "Understanding self-harm"),
        new("getting-help", "Getting help"),
        new("treatments", "Treatments"),
        new("helping-someone", "Helping someone else"),
        new("professionals", "For professionals"),
    ];

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private volatile IReadOnlyDictionary<string, Article> _articles;

    public ArticleStore(string directory)
    {
        Folder = directory;
        _articles = LoadAll(directory);
    }

    public string Folder { get; }

    public IReadOnlyCollection<Article> All => (IReadOnlyCollection<Article>)_articles.Values;

    public Article? Find(string? slug) => slug is not null && _articles.TryGetValue(slug, out var a) ? a : null;

    public void Reload() => _articles = LoadAll(Folder);

    public static IReadOnlyDictionary<string, Article> LoadAll(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Articles folder missing: {directory}");
        var articles = new Dictionary<string, Article>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in Directory.EnumerateFiles(directory, "*.md").Order(StringComparer.Ordinal))
        {
            var article = Parse(Path.GetFileName(path), File.ReadAllText(path));
            if (!articles.TryAdd(article.Slug, article))
                throw new ArticleFormatException(article.FileName, $"slug '{article.Slug}' is used twice");
        }
        return articles;
    }

    public static Article Parse(string fileName, string text)
    {
        var match = FrontMatter().Match(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!match.Success) throw new ArticleFormatException(fileName, "no YAML front matter between --- lines");

        ArticleFrontMatter meta;
        try
        {
            meta = Yaml.Deserialize<ArticleFrontMatter>(match.Groups["yaml"].Value) ?? new ArticleFrontMatter();
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new ArticleFormatException(fileName, $"front matter is not valid YAML ({ex.Message})");
        }

        string Required(string? value, string name) =>
            string.IsNullOrWhiteSpace(value) ? throw new ArticleFormatException(fileName, $"'{name}' is missing") : value.Trim();

        var slug = Required(meta.Slug, "slug");
        if (!Slugs.IsValid(slug)) throw new ArticleFormatException(fileName, $"slug '{slug}' must be lowercase letters, digits and hyphens");
        if (!DateOnly.TryParseExact(Required(meta.Reviewed, "reviewed"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var reviewed))
            throw new ArticleFormatException(fileName, "'reviewed' must be a date like 2026-01-31");
        var section = Sections.FirstOrDefault(s => s.Slug == Required(meta.Section, "section"))
            ?? throw new ArticleFormatException(fileName, $"unknown section '{meta.Section}'");
        HelpKindInfo? kind = null;
        if (!string.IsNullOrWhiteSpace(meta.Kind) && !HelpKinds.TryParse(meta.Kind, out kind!))
            throw new ArticleFormatException(fileName, $"unknown kind '{meta.Kind}'");
        if (meta.References is not { Count: > 0 }) throw new ArticleFormatException(fileName, "at least one reference is required");

        var body = MarkdownRenderer.Render(match.Groups["body"].Value);
        return new Article(
            slug,
            Required(meta.Title, "title"),
            Required(meta.Summary, "summary"),
            reviewed,
            Required(meta.Reviewer, "reviewer"),
            section,
            kind,
            meta.Featured,
            meta.Tags ?? [],
            meta.References.Select(r => StripParagraph(MarkdownRenderer.RenderFragment(r))).ToList(),
            body.Html,
            body.Toc,
            body.Words,
            fileName);
    }

    private static string StripParagraph(string html)
    {
        var trimmed = html.Trim();
        return trimmed.StartsWith("<p>", StringComparison.Ordinal) && trimmed.EndsWith("</p>", StringComparison.Ordinal) ? trimmed[3..^4] : trimmed;
    }

    [GeneratedRegex(@"\A---\n(?<yaml>.*?)\n---\n(?<body>.*)\z", RegexOptions.Singleline)]
    private static partial Regex FrontMatter();
}
