using HelpDirectory.Web.Data;
using HelpDirectory.Web.Tests.Infrastructure;

namespace HelpDirectory.Web.Tests.Pages;

/// <summary>Search results in pages, and the services that do not reach the visitor's region after those that do, over
/// the example listings plus a page and a half of Norwegian ones written here before the first search.</summary>
public sealed class SearchPagingTests : IClassFixture<SearchPagingTests.Site>
{
    public const int Herons = PageSize + 5;
    private const int PageSize = HelpDirectory.Web.Pages.SearchModel.PageSize;

    public sealed class Site : FixtureSiteFactory
    {
        private readonly Lazy<Task> _seeded;

        public Site() => _seeded = new(() => WithDb(async db =>
        {
            var org = db.Organizations.First();
            db.Services.AddRange(Enumerable.Range(1, Herons).Select(i => new Service
            {
                Slug = $"example-heron-line-{i:00}", Name = $"Example Heron Line {i:00}", Organization = org, Kind = HelpKind.Helplines,
                Description = "Support by phone from the heron volunteers.", Status = ListingStatus.Published, Cost = CostKind.Free,
                ContactMethods = ContactMethods.Phone, Areas = [new ServiceArea { Scope = AreaScope.Country, CountryCode = "NO" }],
            }));
            await db.SaveChangesAsync();
        }));

        public async Task<Page> Search(string acceptLanguage, string query)
        {
            var client = Browser(acceptLanguage: acceptLanguage);
            await _seeded.Value;
            return await client.GetPage("/search?" + query);
        }
    }

    private readonly Site _site;

    public SearchPagingTests(Site site) => _site = site;

    private static List<string> Slugs(Page page, string section) =>
        page.All($"#{section} ~ ul .card h3 a").Select(a => a.GetAttribute("href")!.Replace("/services/", "")).ToList();

    [Fact]
    public async Task Search_ManyResults_ComeInPages_LinkedWithoutJavaScript()
    {
        var first = await _site.Search("nb-NO", "q=heron");
        first.ShouldBe(200);
        Assert.Equal(PageSize, Slugs(first, "listing-results").Count);
        Assert.Equal($"Services for Norway ({Herons})", first.Text("#listing-results"));
        Assert.Equal("Page 1 of 2", first.Text(".pagination li:not(:has(a))"));
        Assert.Empty(first.All(".pagination a[rel=prev]"));
        var next = first.Required(".pagination a[rel=next]").GetAttribute("href")!;
        Assert.Equal("/search?q=heron&page=2", next);

        var second = await _site.Search("nb-NO", next["/search?".Length..]);
        second.ShouldBe(200);
        Assert.Equal(Herons - PageSize, Slugs(second, "listing-results").Count);
        Assert.Equal("Page 2 of 2", second.Text(".pagination li:not(:has(a))"));
        Assert.Equal("/search?q=heron", second.Required(".pagination a[rel=prev]").GetAttribute("href"));
        Assert.Empty(second.All(".pagination a[rel=next]"));

        var all = Slugs(first, "listing-results").Concat(Slugs(second, "listing-results")).ToList();
        Assert.Equal(Enumerable.Range(1, Herons).Select(i => $"example-heron-line-{i:00}").Order(), all.Order());
    }

    [Theory]
    [InlineData("page=abc", 1)]
    [InlineData("page=0", 1)]
    [InlineData("page=-1", 1)]
    [InlineData("page=2.5", 1)]
    [InlineData("page=99999999999999999999", 1)]
    [InlineData("page=%00", 1)]
    [InlineData("page=2&page=2", 1)]
    [InlineData("page=2", 2)]
    [InlineData("page=3", 2)]          // past the last page: the last page
    [InlineData("page=10000", 2)]
    public async Task Search_PageNumber_NeverFails_AndShowsAPageThatExists(string page, int shown)
    {
        var result = await _site.Search("nb-NO", "q=heron&" + page);

        result.ShouldBe(200);
        Assert.Equal($"Page {shown} of 2", result.Text(".pagination li:not(:has(a))"));
        Assert.Equal(shown == 1 ? PageSize : Herons - PageSize, Slugs(result, "listing-results").Count);
    }

    [Fact]
    public async Task Search_ServicesThatDoNotReachTheRegion_FollowAsElsewhere_Labelled()
    {
        var page = await _site.Search("en-GB", "q=therapy");

        Assert.Equal(["example-worldwide-online-therapy"], Slugs(page, "listing-results"));
        Assert.Equal(["example-california-therapy", "example-norway-therapy-line", "example-oslo-therapy", "example-vestland-therapy"],
            Slugs(page, "elsewhere-results").Order());
        Assert.Equal("Elsewhere (4)", page.Text("#elsewhere-results"));
        Assert.All(page.All("#elsewhere-results ~ ul .card .card-meta .badge:first-child"),
            badge => Assert.Equal("Does not cover this region", Page.Normalize(badge.TextContent)));
        // After the services that reach the visitor, never among them.
        var order = page.All("#listing-results, #elsewhere-results").Select(h => h.Id).ToList();
        Assert.Equal(["listing-results", "elsewhere-results"], order);
    }

    [Fact]
    public async Task Search_InNorway_ElsewhereHoldsOnlyWhatDoesNotReachNorway()
    {
        var page = await _site.Search("nb-NO", "q=therapy");

        Assert.Equal(4, Slugs(page, "listing-results").Count);
        Assert.Equal(["example-california-therapy"], Slugs(page, "elsewhere-results"));
    }

    [Fact]
    public async Task Search_WhereEverythingReaches_HasNoElsewhereGroup()
    {
        var page = await _site.Search("nb-NO", "q=heron");

        Assert.Null(page.Document.QuerySelector("#elsewhere-results"));
    }

    [Fact]
    public async Task Search_Elsewhere_ComeAfterEveryServiceThatReaches_AcrossPages()
    {
        // In the UK none of the heron lines reach: all of them are elsewhere, in two pages, after nothing that reaches.
        var first = await _site.Search("en-GB", "q=heron");
        Assert.Equal("Services for United Kingdom (0)", first.Text("#listing-results"));
        Assert.Equal($"Elsewhere ({Herons})", first.Text("#elsewhere-results"));
        Assert.Equal(PageSize, Slugs(first, "elsewhere-results").Count);

        var second = await _site.Search("en-GB", "q=heron&page=2");
        Assert.Equal(Herons - PageSize, Slugs(second, "elsewhere-results").Count);
        Assert.Empty(Slugs(second, "elsewhere-results").Intersect(Slugs(first, "elsewhere-results")));
    }
}
