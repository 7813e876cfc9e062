using HelpDirectory.Web.Articles;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDirectory.Web.Tests.Articles;

public sealed class ArticlePagesTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    [Fact]
    public async Task Get_ArticlesIndex_ListsEveryArticleGroupedBySection()
    {
        var store = site.Services.GetRequiredService<ArticleStore>();
        var page = await site.Browser().GetPage("/articles");

        var links = page.All("main .article-list a").Select(a => a.GetAttribute("href")).Order().ToList();
        Assert.Equal(store.All.Select(a => $"/articles/{a.Slug}").Order(), links);
        Assert.Equal("Understanding self-harm", page.Text("main section h2"));
    }

    [Fact]
    public async Task Get_Article_ShowsItsParts()
    {
        var store = site.Services.GetRequiredService<ArticleStore>();
        var article = store.Find("dbt")!;

        var page = await site.Browser(acceptLanguage: "en-GB").GetPage("/articles/dbt");

        page.ShouldBe(200);
        Assert.Equal(article.Title, page.Text("main h1"));
        Assert.Equal(article.Summary, page.Text("article header .lede"));
        Assert.Equal($"{article.ReadingMinutes} min read", page.Text(".reading-time"));
        Assert.Equal(article.Reviewed.ToString("yyyy-MM-dd"), page.Required("article header time").GetAttribute("datetime"));
        Assert.Equal(article.Reviewer, page.Text(".reviewer"));
        Assert.Equal(article.Toc.Where(t => t.Level == 2).Select(t => "#" + t.Id), page.All(".toc a").Select(a => a.GetAttribute("href")));
        Assert.All(article.Toc, t => page.Required($"[id='{t.Id}']"));
        Assert.Equal(article.ReferencesHtml.Count, page.All(".references li").Count);
        Assert.NotEmpty(page.All("#related-title ~ ul a"));
        Assert.Contains("United Kingdom", page.Text("#crisis h2"));
    }

    [Theory]
    [InlineData("nb-NO", null, "/articles/dbt", "/help/no/therapy")]
    [InlineData("en-GB", null, "/articles/helplines-and-chats", "/help/gb/helplines")]
    [InlineData("en-GB", "NO-03", "/articles/online-communities", "/help/no/oslo/forums")]
    [InlineData(null, null, "/articles/dbt", "/region")]
    public async Task Get_Article_NearYouLink_UsesTheVisitorsRegion(string? language, string? cookie, string url, string expected)
    {
        var page = await site.Browser(language, cookie).GetPage(url);

        Assert.Equal(expected, page.Required(".near-you a").GetAttribute("href"));
    }

    [Fact]
    public async Task Get_Home_FeaturesArticles()
    {
        var store = site.Services.GetRequiredService<ArticleStore>();
        var page = await site.Browser().GetPage("/");

        var featured = page.All("#featured-title ~ ul a").Select(a => a.GetAttribute("href")).Order();
        Assert.Equal(store.All.Where(a => a.Featured).Select(a => $"/articles/{a.Slug}").Order(), featured);
        Assert.NotEmpty(featured);
    }

    [Fact]
    public void Parse_MalformedArticle_FailsWithItsFileName()
    {
        var ex = Assert.Throws<ArticleFormatException>(() => ArticleStore.Parse("broken.md", "---\ntitle: [unclosed\n---\nBody"));
        Assert.Contains("broken.md", ex.Message);
        var missing = Assert.Throws<ArticleFormatException>(() => ArticleStore.Parse("nosection.md", "---\ntitle: T\nslug: t\nsummary: S\nreviewed: 2026-01-01\nreviewer: R\nreferences: [\"A (2020)\"]\n---\nBody"));
        Assert.Contains("nosection.md", missing.Message);
        Assert.Contains("section", missing.Message);
    }
}
