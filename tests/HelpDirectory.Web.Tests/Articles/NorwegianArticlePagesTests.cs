using System.Text.Json.Nodes;
using System.Xml.Linq;
using HelpDirectory.Web.Articles;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDirectory.Web.Tests.Articles;

/// <summary>The articles under /nb/: every one in Norwegian at the English slug's address, the list, the words around them,
/// Norwegian dates, the help they point to, and the sitemap's Norwegian addresses.</summary>
public sealed class NorwegianArticlePagesTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    private static List<string> Slugs() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Content, "articles"), "*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()!;

    public static TheoryData<string> EnglishSlugs() => new(Slugs());

    /// <summary>The Norwegian file, read straight from content/ rather than through the store under test.</summary>
    private static Article Norwegian(string slug) =>
        ArticleStore.Parse($"nb/{slug}.md", File.ReadAllText(Path.Combine(RepoPaths.Content, "articles", "nb", slug + ".md")), "nb");

    [Fact]
    public void EveryEnglishArticle_HasANorwegianVersion()
    {
        Assert.Equal(21, Slugs().Count);
        Assert.All(Slugs(), slug =>
            Assert.True(File.Exists(Path.Combine(RepoPaths.Content, "articles", "nb", slug + ".md")), $"nb/{slug}.md is missing"));
    }

    [Theory]
    [MemberData(nameof(EnglishSlugs))]
    public async Task Get_NorwegianArticle_IsTheNorwegianVersion_AtTheEnglishSlug(string slug)
    {
        var norwegian = Norwegian(slug);

        var page = await site.Browser().GetPage($"/nb/articles/{slug}");

        page.ShouldBe(200);
        Assert.Equal("nb", page.Required("html").GetAttribute("lang"));
        Assert.Equal(norwegian.Title, page.Text("main h1"));
        Assert.Equal(norwegian.Summary, page.Text("article header .lede"));
        Assert.Equal($"{norwegian.Title} · HelpDirectory", page.Document.Title);
        Assert.Equal(norwegian.Summary, page.Required("meta[name=description]").GetAttribute("content"));
        Assert.Null(page.Document.QuerySelector("#not-translated"));
        Assert.Null(page.Required(".prose").GetAttribute("lang"));
        Assert.Equal(norwegian.Toc.Where(t => t.Level == 2).Select(t => "#" + t.Id), page.All(".toc a").Select(a => a.GetAttribute("href")));
        Assert.Equal(norwegian.ReferencesHtml.Count, page.All(".references li").Count);
        Assert.Equal("en", page.Required(".references ol").GetAttribute("lang")); // cited as the original cites them
        // Related articles are the Norwegian ones, at their Norwegian addresses.
        Assert.All(page.All("#related-title ~ ul a"), a => Assert.StartsWith("/nb/articles/", a.GetAttribute("href")));
    }

    [Fact]
    public async Task Get_NorwegianArticle_HasNorwegianWordsAroundIt_AndANorwegianReviewedDate()
    {
        var norwegian = Norwegian("dbt");

        var page = await site.Browser(acceptLanguage: "nb-NO").GetPage("/nb/articles/dbt");

        page.ShouldBe(200);
        Assert.Equal("22. november 2026", page.Text("article header time"));
        Assert.Equal("2026-11-22", page.Required("article header time").GetAttribute("datetime"));
        Assert.Equal($"{norwegian.ReadingMinutes} min lesetid · Gjennomgått 22. november 2026 av redaksjonen i HelpDirectory", page.Text("article header .meta"));
        Assert.Equal(["Forside", "Artikler", norwegian.Title], page.All(".breadcrumbs li").Select(li => Page.Normalize(li.TextContent)));
        Assert.Equal(["/nb/", "/nb/articles"], page.All(".breadcrumbs a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Brødsmulesti", page.Required(".breadcrumbs").GetAttribute("aria-label"));
        Assert.Equal("På denne siden", page.Text("#toc-title"));
        Assert.Equal("Kilder", page.Text("#references-title"));
        Assert.Equal("Relaterte artikler", page.Text("#related-title"));
        Assert.Equal("/nb/help/no/therapy", page.Required(".near-you a").GetAttribute("href"));
        Assert.StartsWith("Finn samtaleterapi (oppmøte) i ", page.Text(".near-you a"));

        var data = JsonNode.Parse(page.Required("script[type='application/ld+json']").TextContent)!;
        Assert.Equal("nb", (string?)data["inLanguage"]);
        Assert.Equal(norwegian.Title, (string?)data["headline"]);
        Assert.Equal("http://localhost/nb/articles/dbt", (string?)data["mainEntityOfPage"]);
    }

    [Fact]
    public async Task Get_EnglishArticle_KeepsItsEnglishWordsAndDate()
    {
        var page = await site.Browser(acceptLanguage: "en-GB").GetPage("/articles/dbt");

        page.ShouldBe(200);
        Assert.Equal("en", page.Required("html").GetAttribute("lang"));
        Assert.Equal("22 November 2026", page.Text("article header time"));
        Assert.EndsWith("min read · Reviewed 22 November 2026 by HelpDirectory editors", page.Text("article header .meta"));
        Assert.Equal("References", page.Text("#references-title"));
        Assert.Null(page.Required(".references ol").GetAttribute("lang"));
        Assert.Equal("Find psychotherapy (in person) in United Kingdom", page.Text(".near-you a"));
        var data = JsonNode.Parse(page.Required("script[type='application/ld+json']").TextContent)!;
        Assert.Equal("en", (string?)data["inLanguage"]);
        Assert.Equal("http://localhost/articles/dbt", (string?)data["mainEntityOfPage"]);
        Assert.Null(page.Document.QuerySelector("#not-translated"));
    }

    [Fact]
    public async Task Get_NorwegianArticlesIndex_ListsEveryArticleInNorwegian()
    {
        var store = site.Services.GetRequiredService<ArticleStore>();

        var page = await site.Browser().GetPage("/nb/articles");

        page.ShouldBe(200);
        Assert.Equal("nb", page.Required("html").GetAttribute("lang"));
        Assert.Equal("Artikler om selvskading", page.Text("main h1"));
        Assert.Equal("Artikler om selvskading · HelpDirectory", page.Document.Title);
        Assert.Equal("Å forstå selvskading", page.Text("main section h2"));
        var links = page.All("main .article-list a").ToDictionary(a => a.GetAttribute("href")!, a => Page.Normalize(a.TextContent));
        Assert.Equal(store.All.Select(a => $"/nb/articles/{a.Slug}").Order(), links.Keys.Order());
        Assert.All(store.All, a => Assert.Equal(Norwegian(a.Slug).Title, links[$"/nb/articles/{a.Slug}"]));
        Assert.Empty(page.All("main .article-list [lang]"));
        Assert.All(page.All("main .article-list .meta"), m => Assert.EndsWith("min lesetid", m.TextContent));
    }

    [Fact]
    public async Task Get_NorwegianHome_FeaturesNorwegianArticles()
    {
        var store = site.Services.GetRequiredService<ArticleStore>();

        var page = await site.Browser().GetPage("/nb/");

        page.ShouldBe(200);
        Assert.Equal("Å forstå selvskading", page.Text("#featured-title"));
        var featured = page.All("#featured-title ~ ul a").ToDictionary(a => a.GetAttribute("href")!, a => Page.Normalize(a.TextContent));
        Assert.NotEmpty(featured);
        Assert.Equal(store.All.Where(a => a.Featured).Select(a => $"/nb/articles/{a.Slug}").Order(), featured.Keys.Order());
        Assert.All(store.All.Where(a => a.Featured), a => Assert.Equal(Norwegian(a.Slug).Title, featured[$"/nb/articles/{a.Slug}"]));
        Assert.Equal("/nb/articles", page.Required("#featured-title ~ p a").GetAttribute("href"));
    }

    [Theory]
    [InlineData("/articles/no-such-article")]
    [InlineData("/nb/articles/no-such-article")]
    [InlineData("/nb/articles/dialektisk-atferdsterapi")] // a localSlug is metadata, never an address
    public async Task Get_UnknownArticle_IsNotFound_InEveryLanguage(string url)
    {
        var page = await site.Browser().GetPage(url);

        page.ShouldBe(404);
    }

    [Fact]
    public async Task NorwegianArticles_PointToNorwegianHelp_ThatExists()
    {
        var store = site.Services.GetRequiredService<ArticleStore>();
        var links = store.In("nb")
            .SelectMany(a => System.Text.RegularExpressions.Regex.Matches(a.BodyHtml, "href=\"(/[^\"]*)\"").Select(m => (a.Slug, Href: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.StartsWith("/nb/help/no", l.Href));
        foreach (var href in links.Select(l => l.Href).Distinct())
        {
            var page = await site.Browser().GetPage(href);
            page.ShouldBe(200);
            Assert.Equal("nb", page.Required("html").GetAttribute("lang"));
        }
    }

    [Fact]
    public async Task Get_Sitemap_ListsTheNorwegianArticles_WithTheirAlternates()
    {
        var store = site.Services.GetRequiredService<ArticleStore>();

        var xml = XDocument.Parse(await site.Browser().GetStringAsync("/sitemap.xml"));
        var urls = xml.Root!.Elements(Sitemap + "url").ToDictionary(u => u.Element(Sitemap + "loc")!.Value);

        foreach (var article in store.All)
        {
            var norwegian = urls[$"http://localhost/nb/articles/{article.Slug}"];
            Assert.Equal(article.Reviewed.ToString("yyyy-MM-dd"), norwegian.Element(Sitemap + "lastmod")?.Value);
            var alternates = norwegian.Elements(Xhtml + "link").ToDictionary(l => (string)l.Attribute("hreflang")!, l => (string)l.Attribute("href")!);
            Assert.Equal(new Dictionary<string, string>
            {
                ["en"] = $"http://localhost/articles/{article.Slug}",
                ["nb"] = $"http://localhost/nb/articles/{article.Slug}",
                ["x-default"] = $"http://localhost/articles/{article.Slug}",
            }, alternates);
            Assert.All(norwegian.Elements(Xhtml + "link"), l => Assert.Equal("alternate", (string?)l.Attribute("rel")));
            Assert.Equal(3, urls[$"http://localhost/articles/{article.Slug}"].Elements(Xhtml + "link").Count());
        }
        Assert.Contains("http://localhost/nb/", urls.Keys);
        Assert.Contains("http://localhost/nb/articles", urls.Keys);
        Assert.Contains("http://localhost/nb/help/no/oslo/therapy", urls.Keys);
        Assert.Contains("http://localhost/nb/services/example-oslo-therapy", urls.Keys);
        Assert.Contains("http://localhost/api", urls.Keys);
        Assert.DoesNotContain("http://localhost/nb/api", urls.Keys);
    }

    /// <summary>The browser tests' page budget (30 KB of HTML, CSS and JavaScript, uncompressed) over every article in
    /// both languages: Norwegian words are longer, and the translations must not outgrow it.</summary>
    [Fact]
    public async Task EveryArticlePage_InBothLanguages_StaysUnderThePageBudget()
    {
        const int maxPageBytes = 30 * 1024;
        // Each read as its reader would: the English with the United Kingdom's banner (as the browser tests do), the
        // Norwegian with Norway's.
        var english = site.Browser(acceptLanguage: "en-GB");
        var norwegian = site.Browser(acceptLanguage: "nb-NO");
        var assets = new Dictionary<string, int>();
        var sizes = new List<(string Path, int Bytes)>();
        foreach (var path in Slugs().SelectMany(s => new[] { $"/articles/{s}", $"/nb/articles/{s}" }).Append("/articles").Append("/nb/articles"))
        {
            var http = path.StartsWith("/nb/", StringComparison.Ordinal) ? norwegian : english;
            var html = await http.GetStringAsync(path);
            var total = System.Text.Encoding.UTF8.GetByteCount(html);
            foreach (System.Text.RegularExpressions.Match asset in System.Text.RegularExpressions.Regex.Matches(html, @"<(?:link rel=""stylesheet"" href|script src)=""(?<url>[^""]+)"""))
            {
                var url = System.Net.WebUtility.HtmlDecode(asset.Groups["url"].Value);
                if (!assets.TryGetValue(url, out var size)) assets[url] = size = (await http.GetByteArrayAsync(url)).Length;
                total += size;
            }
            sizes.Add((path, total));
        }

        // One stylesheet, one script (Norwegian pages link them under /nb/ today).
        Assert.Equal(2, assets.Keys.Select(Path.GetFileName).Distinct().Count());
        Assert.Equal(44, sizes.Count);
        var over = sizes.Where(s => s.Bytes > maxPageBytes).Select(s => $"{s.Bytes,6} {s.Path}").ToList();
        Assert.True(over.Count == 0, $"Over {maxPageBytes} bytes of HTML, CSS and JavaScript:\n{string.Join("\n", over)}\nAll:\n{string.Join("\n", sizes.OrderByDescending(s => s.Bytes).Select(s => $"{s.Bytes,6} {s.Path}"))}");
    }

    [Fact]
    public async Task Get_Robots_KeepsNorwegianSearchOut()
    {
        var lines = (await site.Browser().GetStringAsync("/robots.txt")).Split('\n', StringSplitOptions.TrimEntries);

        Assert.Contains("Disallow: /search", lines);
        Assert.Contains("Disallow: /nb/search", lines);
    }
}

/// <summary>The site over a copy of content/ in which one article has no Norwegian version yet.</summary>
public sealed class UntranslatedArticleSiteFactory : FixtureSiteFactory
{
    public const string Slug = "self-harm-and-suicide";

    private readonly string _content = Path.Combine(Path.GetTempPath(), "helpdirectory-tests", "content-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Copy(RepoPaths.Content, _content);
        File.Delete(Path.Combine(_content, "articles", "nb", Slug + ".md"));
        builder.UseSetting("Content:Path", _content);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(from)) Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(_content, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public sealed class UntranslatedArticleTests(UntranslatedArticleSiteFactory site) : IClassFixture<UntranslatedArticleSiteFactory>
{
    private const string Slug = UntranslatedArticleSiteFactory.Slug;
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Get_NorwegianAddress_ShowsTheEnglishArticle_MarkedEnglish_WithANorwegianNotice()
    {
        var english = site.Services.GetRequiredService<ArticleStore>().Find(Slug)!;

        var page = await site.Browser().GetPage($"/nb/articles/{Slug}");

        page.ShouldBe(200);
        Assert.Equal("nb", page.Required("html").GetAttribute("lang"));
        Assert.Equal("Denne artikkelen finnes ikke på norsk ennå, så du leser den engelske versjonen.", page.Text("#not-translated"));
        Assert.Null(page.Required("#not-translated").Closest("[lang='en']"));
        Assert.Equal(english.Title, page.Text("main h1"));
        Assert.Equal("en", page.Required("main h1").GetAttribute("lang"));
        Assert.Equal("en", page.Required("article header .lede").GetAttribute("lang"));
        Assert.Equal("en", page.Required(".prose").GetAttribute("lang"));
        Assert.Equal("en", page.Required(".toc ol").GetAttribute("lang"));
        // The words around it stay Norwegian.
        Assert.Equal("Kilder", page.Text("#references-title"));
        Assert.Null(page.Required("article header .meta").Closest("[lang='en']"));
        Assert.Contains("Gjennomgått", page.Text("article header .meta"));
        var data = System.Text.Json.Nodes.JsonNode.Parse(page.Required("script[type='application/ld+json']").TextContent)!;
        Assert.Equal("en", (string?)data["inLanguage"]);
    }

    [Fact]
    public async Task Get_EnglishAddress_HasNoNotice()
    {
        var page = await site.Browser().GetPage($"/articles/{Slug}");

        page.ShouldBe(200);
        Assert.Null(page.Document.QuerySelector("#not-translated"));
        Assert.Null(page.Required(".prose").GetAttribute("lang"));
    }

    [Fact]
    public async Task Get_NorwegianList_MarksTheUntranslatedArticleEnglish()
    {
        var english = site.Services.GetRequiredService<ArticleStore>().Find(Slug)!;

        var page = await site.Browser().GetPage("/nb/articles");

        var link = page.Required($"main .article-list a[href='/nb/articles/{Slug}']");
        Assert.Equal(english.Title, Page.Normalize(link.TextContent));
        Assert.Equal("en", link.GetAttribute("lang"));
        var summary = link.ParentElement!.QuerySelector("p")!;
        Assert.Equal("en", summary.GetAttribute("lang"));
        Assert.Equal("nb", summary.QuerySelector(".meta")!.GetAttribute("lang"));
        // Only that one is English.
        Assert.Single(page.All("main .article-list a[lang]"));
    }

    [Fact]
    public async Task Get_Sitemap_ListsTheUntranslatedArticleInEnglishOnly()
    {
        var xml = XDocument.Parse(await site.Browser().GetStringAsync("/sitemap.xml"));
        var locs = xml.Root!.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToHashSet();

        Assert.Contains($"http://localhost/articles/{Slug}", locs);
        Assert.DoesNotContain($"http://localhost/nb/articles/{Slug}", locs);
        Assert.Contains("http://localhost/nb/articles/dbt", locs);
    }
}
