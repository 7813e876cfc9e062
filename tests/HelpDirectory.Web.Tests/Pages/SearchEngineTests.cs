using System.Text.Json.Nodes;
using System.Xml.Linq;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Tests.Pages;

public sealed class SearchEngineTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Get_Robots_KeepsAdminOut_AndPointsToTheSitemap()
    {
        var robots = await site.Browser().GetStringAsync("/robots.txt");
        var lines = robots.Split('\n', StringSplitOptions.TrimEntries);

        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
    }

    [Fact]
    public async Task Get_Sitemap_ListsPlacesKindsServicesAndArticles_DatedByTheirRecords()
    {
        var response = await site.Browser().GetAsync("/sitemap.xml");
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var urls = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements(Sitemap + "url")
            .ToDictionary(u => u.Element(Sitemap + "loc")!.Value, u => u.Element(Sitemap + "lastmod")?.Value);

        Service oslo = null!;
        await site.WithDb(async db => oslo = await db.Services.SingleAsync(s => s.Slug == "example-oslo-therapy"));
        Assert.Equal(oslo.UpdatedAt.ToString("yyyy-MM-dd"), urls["http://localhost/services/example-oslo-therapy"]);
        Assert.DoesNotContain("http://localhost/services/example-draft-oslo-group", urls.Keys);
        Assert.Contains("http://localhost/help/no/oslo", urls.Keys);
        Assert.Contains("http://localhost/help/no/oslo/therapy", urls.Keys);
        // Vestland has therapy (its own listing) but no groups: only kinds with listings are pages worth finding.
        Assert.Contains("http://localhost/help/no/vestland/therapy", urls.Keys);
        Assert.DoesNotContain("http://localhost/help/no/vestland/groups", urls.Keys);
        Assert.Matches(@"^\d{4}-\d\d-\d\d$", urls["http://localhost/articles/what-is-self-harm"]);
        Assert.DoesNotContain(urls.Keys, u => u.Contains("/admin", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/help/no/oslo/therapy?free=true&page=1", "http://localhost/help/no/oslo/therapy")]
    [InlineData("/help/no", "http://localhost/help/no")]
    [InlineData("/articles/what-is-self-harm", "http://localhost/articles/what-is-self-harm")]
    [InlineData("/search?q=therapy", "http://localhost/search")]
    public async Task EveryPage_HasOneCanonicalAddress_WithoutItsQuery(string url, string canonical)
    {
        var page = await site.Browser().GetPage(url);

        page.ShouldBe(200);
        Assert.Equal(canonical, Assert.Single(page.All("link[rel=canonical]")).GetAttribute("href"));
    }

    [Fact]
    public async Task NotFoundPage_HasNoCanonicalAddress()
    {
        var page = await site.Browser().GetPage("/no-such-page");
        Assert.Empty(page.All("link[rel=canonical]"));
    }

    [Fact]
    public async Task Get_ServicePage_DescribesTheServiceForSearchEngines()
    {
        var page = await site.Browser().GetPage("/services/example-oslo-therapy");
        var data = JsonNode.Parse(page.Required("script[type='application/ld+json']").TextContent)!;

        Assert.Equal("Organization", (string?)data["@type"]);
        Assert.Equal("Example Oslo Therapy", (string?)data["name"]);
        Assert.Equal("https://example.org/oslo", (string?)data["url"]);
        var contact = data["contactPoint"]![0]!;
        Assert.Equal("ContactPoint", (string?)contact["@type"]);
        Assert.Equal("+442079460001", (string?)contact["telephone"]);
        var hours = contact["hoursAvailable"]!.AsArray();
        Assert.Equal(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], hours.Select(h => (string)h!["dayOfWeek"]!));
        Assert.All(hours, h => Assert.Equal("09:00", (string?)h!["opens"]));
        Assert.Equal(["Oslo, Norway"], data["areaServed"]!.AsArray().Select(a => (string)a!));
    }

    [Fact]
    public async Task Get_Article_DescribesItAsAnArticleDatedByItsReview()
    {
        var page = await site.Browser().GetPage("/articles/what-is-self-harm");
        var data = JsonNode.Parse(page.Required("script[type='application/ld+json']").TextContent)!;

        Assert.Equal("Article", (string?)data["@type"]);
        Assert.Equal(page.Text("main h1"), (string?)data["headline"]);
        // The date the article shows as reviewed.
        Assert.Equal(page.Required("main time").GetAttribute("datetime"), (string?)data["dateModified"]);
    }
}
