using System.Text.RegularExpressions;
using HelpDirectory.Web.Articles;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Tests.Infrastructure;
using HelpDirectory.Web.Tests.Localization;

namespace HelpDirectory.Web.Tests.Articles;

/// <summary>The translations in content/articles/{language}/: keyed by the original's slug, the same facts' metadata, safe
/// wording; and how the store reads a language, falling back to the original.</summary>
public sealed class ArticleTranslationTests : IDisposable
{
    private static readonly string[] NorwegianMethodWords =
    [
        "kutt", "kutte", "kutter", "kuttet", "kutting", "skjære", "skjærer", "kniv", "kniver", "barberblad", "saks", "brenne", "brenner",
        "brenning", "blod", "blø", "blør", "blødning", "sår", "arr", "sting", "overdose", "overdoser", "tabletter", "piller", "forgiftning",
        "henging",
        // framing that blames or sensationalises
        "oppmerksomhetssøkende", "oppmerksomhetssyk", "manipulerende", "mislykket forsøk", "vellykket forsøk",
        // coping ideas that imitate self-harm
        "isbit", "isbiter", "strikk", "tegne på huden",
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "helpdirectory-tests", "articles-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string> NorwegianFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Content, "articles", "nb"), "*.md").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(file) != "README.md") data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(NorwegianFiles))]
    public void NorwegianArticle_KeepsTheOriginalsSlug_Review_AndReferences(string file)
    {
        var folder = Path.Combine(RepoPaths.Content, "articles");
        var original = ArticleStore.Parse(file, File.ReadAllText(Path.Combine(folder, file)));
        var norwegian = ArticleStore.Parse("nb/" + file, File.ReadAllText(Path.Combine(folder, "nb", file)), "nb");

        Assert.Equal(original.Slug, norwegian.Slug);
        Assert.Equal("nb", norwegian.Language);
        Assert.NotNull(norwegian.LocalSlug);
        Assert.Equal(original.Reviewed, norwegian.Reviewed);
        Assert.Equal(original.Reviewer, norwegian.Reviewer);
        Assert.Equal(original.Section, norwegian.Section);
        Assert.Equal(original.Kind, norwegian.Kind);
        Assert.Equal(original.Featured, norwegian.Featured);
        Assert.Equal(original.ReferencesHtml, norwegian.ReferencesHtml);
        Assert.NotEqual(original.Title, norwegian.Title);
        Assert.True(norwegian.Toc.Count >= 2, $"nb/{file} needs headings for its table of contents");
    }

    [Theory]
    [MemberData(nameof(NorwegianFiles))]
    public void NorwegianArticle_HasNoRawHtml_AndNoMethodOrBlamingWords(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Content, "articles", "nb", file));
        // The references are citations (authors' names), not the article's words.
        var body = text[(text.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..];

        Assert.DoesNotMatch(@"<[a-zA-Z/!]", body);
        foreach (var word in NorwegianMethodWords)
            Assert.False(Regex.IsMatch(body, $@"\b{Regex.Escape(word)}\b", RegexOptions.IgnoreCase), $"nb/{file} contains \"{word}\"");
    }

    [Fact]
    public void EverySectionAndKind_HasItsWords()
    {
        var keys = TranslationTests.ReadResx("ArticleText", null).Keys.ToHashSet();

        Assert.All(ArticleStore.Sections, s => Assert.Contains($"Section.{s.Slug}", keys));
        Assert.All(HelpKinds.All, k => Assert.Contains($"Article.Kind.{k.Slug}", keys));
    }

    [Fact]
    public void Store_ReadsTheTranslation_OrTheOriginalWhereThereIsNone()
    {
        Write("one.md", Article("one", "One"));
        Write("two.md", Article("two", "Two"));
        Write("nb/one.md", Article("one", "En", "lang: nb\nlocalSlug: en-artikkel\n"));
        Write("nb/README.md", "Not an article.");

        var store = new ArticleStore(_folder, "en", ["nb", "sv"]);

        Assert.Equal("One", store.Find("one")!.Title);
        Assert.Equal("En", store.Find("one", "nb")!.Title);
        Assert.Equal("nb", store.Find("one", "nb")!.Language);
        Assert.Equal("en-artikkel", store.Find("one", "nb")!.LocalSlug);
        Assert.Equal("Two", store.Find("two", "nb")!.Title);
        Assert.Equal("en", store.Find("two", "nb")!.Language);
        Assert.Null(store.Find("en-artikkel", "nb"));
        Assert.Null(store.Find("three", "nb"));
        Assert.Equal(["En", "Two"], store.In("nb").Select(a => a.Title).Order());
        Assert.Equal(["One", "Two"], store.In("sv").Select(a => a.Title).Order()); // no folder: the originals
        Assert.Equal(["One", "Two"], store.All.Select(a => a.Title).Order());
    }

    [Fact]
    public void Store_RefusesATranslationWithoutAnOriginal_OrInTheWrongLanguage()
    {
        Write("one.md", Article("one", "One"));
        Write("nb/two.md", Article("two", "To", "lang: nb\n"));
        var orphan = Assert.Throws<ArticleFormatException>(() => new ArticleStore(_folder, "en", ["nb"]));
        Assert.Contains("nb/two.md", orphan.Message);

        File.Delete(Path.Combine(_folder, "nb", "two.md"));
        Write("nb/one.md", Article("one", "En", "lang: sv\n"));
        var wrongLanguage = Assert.Throws<ArticleFormatException>(() => new ArticleStore(_folder, "en", ["nb"]));
        Assert.Contains("'lang' must be 'nb'", wrongLanguage.Message);

        Write("nb/one.md", Article("two", "En", "lang: nb\n"));
        Write("two.md", Article("two", "Two"));
        var misnamed = Assert.Throws<ArticleFormatException>(() => new ArticleStore(_folder, "en", ["nb"]));
        Assert.Contains("nb/one.md", misnamed.Message);
    }

    private static string Article(string slug, string title, string extra = "") =>
        $"---\ntitle: {title}\nslug: {slug}\n{extra}summary: S\nreviewed: 2026-01-01\nreviewer: R\nsection: treatments\nreferences: [\"A (2020)\"]\n---\n## First\n\nText.\n";

    private void Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
