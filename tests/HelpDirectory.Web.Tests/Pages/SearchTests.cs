using HelpDirectory.Web.Tests.Infrastructure;

namespace HelpDirectory.Web.Tests.Pages;

public sealed class SearchTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    [Fact]
    public async Task Search_FindsListingsThatReachTheVisitor_AndArticles()
    {
        var page = await site.Browser(acceptLanguage: "nb-NO").GetPage("/search?q=therapy");

        var listings = page.All("#listing-results ~ ul .card h3 a").Select(a => a.GetAttribute("href")).Order().ToList();
        Assert.Equal(["/services/example-norway-therapy-line", "/services/example-oslo-therapy", "/services/example-vestland-therapy", "/services/example-worldwide-online-therapy"], listings);
        Assert.Contains(page.All("#article-results ~ ul a"), a => a.GetAttribute("href") == "/articles/dbt");
    }

    [Fact]
    public async Task Search_InAnotherRegion_LeavesOutWhatDoesNotReachIt()
    {
        var page = await site.Browser(acceptLanguage: "en-GB").GetPage("/search?q=therapy");

        Assert.Equal(["/services/example-worldwide-online-therapy"], page.All("#listing-results ~ ul .card h3 a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("%25")]
    [InlineData("%3Cscript%3Ealert(1)%3C/script%3E")]
    [InlineData("_")]
    public async Task Search_HostileTerms_NeverFailOrReflect(string q)
    {
        var page = await site.Browser().GetPage("/search?q=" + q);

        page.ShouldBe(200);
        Assert.DoesNotContain("<script>alert(1)", page.Body);
    }

    [Fact]
    public async Task Search_OverlongTerm_GetsAClearMessage()
    {
        var page = await site.Browser().GetPage("/search?q=" + new string('a', 500));

        page.ShouldBe(200);
        Assert.Equal("Please use fewer than 100 characters.", page.Text(".notice.error"));
    }
}
