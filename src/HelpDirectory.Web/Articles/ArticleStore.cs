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
    string FileName,
    string Language = "en",
    string? LocalSlug = null)
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

    /// <summary>A translation's language ("nb"); an original may leave it out.</summary>
    public string? Lang { get; set; }

    /// <summary>A translation's own slug. Metadata only: addresses keep the English slug (/nb/articles/dbt), so every
    /// English address has exactly one Norwegian twin; this is checked for shape and kept, never routed.</summary>
    public string? LocalSlug { get; set; }
}

public sealed class ArticleFormatException(string file, string message) : Exception($"Article {file}: {message}")
{
    public string File { get; } = file;
}

/// <summary>
/// Every article, parsed and rendered once at start (in Development again whenever a file changes), in each language.
/// The originals are content/articles/*.md, in the site's default language; a translation is
/// content/articles/{language}/{slug}.md, named and keyed by the original's slug. A language reads the translation where
/// one exists and the original where none does yet (the page says so), so each language's set is complete and rendered
/// once, never per request.
/// </summary>
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

    /// <summary>The reviewer every article names today; pages write it in their own language.</summary>
    public const string OurEditors = "HelpDirectory editors";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private readonly string[] _translations;
    private volatile Library _library;

    /// <param name="directory">content/articles: the originals, and a folder per translation.</param>
    /// <param name="language">The originals' language, the site's default.</param>
    /// <param name="translations">The other languages the site speaks; each may have a folder of articles.</param>
    public ArticleStore(string directory, string language = "en", IEnumerable<string>? translations = null)
    {
        Folder = directory;
        Language = language;
        _translations = translations?.ToArray() ?? [];
        _library = Library.Load(directory, language, _translations);
    }

    public string Folder { get; }

    /// <summary>The originals' language.</summary>
    public string Language { get; }

    /// <summary>The originals.</summary>
    public IReadOnlyCollection<Article> All => _library.In(Language);

    /// <summary>Every language the articles are read in: the originals' first.</summary>
    public IReadOnlyList<string> Languages => [Language, .. _translations];

    public Article? Find(string? slug) => Find(slug, Language);

    /// <summary>The article as read in a language: its translation, or the original when it has none. Null for an
    /// unknown slug, in every language.</summary>
    public Article? Find(string? slug, string language) =>
        slug is not null && _library.Articles(language).TryGetValue(slug, out var a) ? a : null;

    /// <summary>Every article as read in a language: translated where possible, the original otherwise.</summary>
    public IReadOnlyCollection<Article> In(string language) => _library.In(language);

    public void Reload() => _library = Library.Load(Folder, Language, _translations);

    public static IReadOnlyDictionary<string, Article> LoadAll(string directory) => LoadFolder(directory, null);

    private static Dictionary<string, Article> LoadFolder(string directory, string? language)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Articles folder missing: {directory}");
        var articles = new Dictionary<string, Article>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in Directory.EnumerateFiles(directory, "*.md").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (language is not null && name.Equals("README.md", StringComparison.OrdinalIgnoreCase)) continue;
            var article = Parse(language is null ? name : $"{language}/{name}", File.ReadAllText(path), language);
            if (!articles.TryAdd(article.Slug, article))
                throw new ArticleFormatException(article.FileName, $"slug '{article.Slug}' is used twice");
        }
        return articles;
    }

    /// <summary>One load of every language: swapped whole on reload, so a request never sees half of one.</summary>
    private sealed class Library
    {
        private readonly Dictionary<string, IReadOnlyDictionary<string, Article>> _byLanguage;
        private readonly Dictionary<string, IReadOnlyCollection<Article>> _lists;
        private readonly string _original;

        private Library(Dictionary<string, IReadOnlyDictionary<string, Article>> byLanguage, string original)
        {
            _byLanguage = byLanguage;
            _lists = byLanguage.ToDictionary(l => l.Key, l => (IReadOnlyCollection<Article>)l.Value.Values.ToList(), StringComparer.OrdinalIgnoreCase);
            _original = original;
        }

        public IReadOnlyDictionary<string, Article> Articles(string language) =>
            _byLanguage.TryGetValue(language, out var articles) ? articles : _byLanguage[_original];

        public IReadOnlyCollection<Article> In(string language) =>
            _lists.TryGetValue(language, out var list) ? list : _lists[_original];

        public static Library Load(string directory, string original, IReadOnlyList<string> translations)
        {
            var originals = LoadFolder(directory, null).ToDictionary(a => a.Key, a => a.Value with { Language = original }, StringComparer.OrdinalIgnoreCase);
            var byLanguage = new Dictionary<string, IReadOnlyDictionary<string, Article>>(StringComparer.OrdinalIgnoreCase) { [original] = originals };
            foreach (var language in translations)
            {
                var folder = Path.Combine(directory, language);
                var translated = Directory.Exists(folder) ? LoadFolder(folder, language) : new Dictionary<string, Article>();
                foreach (var t in translated.Values)
                {
                    // The file's name is the original's slug, and so is its slug: that is the key between the versions.
                    if (!originals.ContainsKey(t.Slug))
                        throw new ArticleFormatException(t.FileName, $"no article '{t.Slug}' in {original} to translate");
                    if (!string.Equals(Path.GetFileNameWithoutExtension(t.FileName), t.Slug, StringComparison.Ordinal))
                        throw new ArticleFormatException(t.FileName, $"a translation is named for the original's slug, '{t.Slug}.md'");
                }
                byLanguage[language] = originals.ToDictionary(o => o.Key, o => translated.GetValueOrDefault(o.Key) ?? o.Value, StringComparer.OrdinalIgnoreCase);
            }
            return new Library(byLanguage, original);
        }
    }

    /// <param name="language">A translation's language, which its front matter must name; null for an original.</param>
    public static Article Parse(string fileName, string text, string? language = null)
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
        var lang = string.IsNullOrWhiteSpace(meta.Lang) ? null : meta.Lang.Trim();
        if (language is not null && !string.Equals(lang, language, StringComparison.Ordinal))
            throw new ArticleFormatException(fileName, $"'lang' must be '{language}' in the {language} folder");
        var localSlug = string.IsNullOrWhiteSpace(meta.LocalSlug) ? null : meta.LocalSlug.Trim();
        if (localSlug is not null && !Slugs.IsValid(localSlug))
            throw new ArticleFormatException(fileName, $"localSlug '{localSlug}' must be lowercase letters, digits and hyphens");

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
            fileName,
            lang ?? "en",
            localSlug);
    }

    private static string StripParagraph(string html)
    {
        var trimmed = html.Trim();
        return trimmed.StartsWith("<p>", StringComparison.Ordinal) && trimmed.EndsWith("</p>", StringComparison.Ordinal) ? trimmed[3..^4] : trimmed;
    }

    [GeneratedRegex(@"\A---\n(?<yaml>.*?)\n---\n(?<body>.*)\z", RegexOptions.Singleline)]
    private static partial Regex FrontMatter();
}
