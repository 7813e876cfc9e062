using HelpDirectory.Web.Tests.Infrastructure;

namespace HelpDirectory.Web.Tests.Pages;

public sealed class AboutPageTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    [Fact]
    public async Task About_SetsOutHowWeChooseListings()
    {
        var page = await site.Browser().GetPage("/about");

        page.ShouldBe(200);
        Assert.Equal("How we choose listings", page.Text("#how-we-choose"));
        var criteria = page.All("#inclusion-criteria li").Select(li => li.TextContent).ToList();
        Assert.Equal(5, criteria.Count);
        Assert.Contains(criteria, c => c.Contains("free, or it says clearly what it costs", StringComparison.Ordinal));
        Assert.Contains(criteria, c => c.Contains("no regulator has acted against it over how it handles clients' data", StringComparison.Ordinal));
        Assert.NotNull(page.Document.QuerySelector("#crisis"));
    }
}
