using HelpDirectory.Web.Tests.Infrastructure;

namespace HelpDirectory.Web.Tests.Pages;

/// <summary>The crisis-line widget other sites frame, and the page about the open API that shows it.</summary>
public sealed class WidgetTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    [Fact]
    public async Task Get_Widget_ShowsThePlacesLines_SmallWithoutScriptOrCookies()
    {
        var widget = await site.Browser(regionCookie: "SE").GetPage("/widget/gb/scotland");
        var banner = await site.Browser().GetPage("/help/gb/scotland");

        widget.ShouldBe(200);
        Assert.Equal("Need to talk now? Help in Scotland, United Kingdom", widget.Text("h1"));
        Assert.Equal(banner.All("#crisis .line-actions a").Select(a => a.GetAttribute("href")), widget.All(".line-actions a").Select(a => a.GetAttribute("href")));
        Assert.Contains(widget.All(".line-actions a"), a => a.GetAttribute("href")!.StartsWith("tel:", StringComparison.Ordinal));
        Assert.Equal("http://localhost/help/gb/scotland", widget.Required("#more-help").GetAttribute("href"));
        Assert.Equal("_blank", widget.Required("base").GetAttribute("target"));
        Assert.Empty(widget.All("script"));
        Assert.False(widget.Response.Headers.Contains("Set-Cookie"));
        Assert.InRange(widget.Body.Length, 500, 6 * 1024);
    }

    [Fact]
    public async Task Widget_MayBeFramedByAnySite_EveryOtherPageRefusesFraming()
    {
        var widget = await site.Browser().GetAsync("/widget/no");
        var csp = widget.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors *", csp);
        Assert.Contains("default-src 'none'", csp);
        Assert.False(widget.Headers.Contains("X-Frame-Options"));

        foreach (var url in new[] { "/", "/api", "/help/no", "/widget/atlantis", "/api/hsds/services" })
        {
            var response = await site.Browser().GetAsync(url);
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }
    }

    [Fact]
    public async Task Get_ApiPage_LinksTheDescription_AndShowsTheWidgetForTheVisitorsRegion()
    {
        var page = await site.Browser(regionCookie: "NO").GetPage("/api");

        page.ShouldBe(200);
        Assert.NotNull(page.Document.QuerySelector("#crisis"));
        Assert.Contains(page.All("main a"), a => a.GetAttribute("href") == "/api/openapi.json");
        Assert.Equal("/widget/no", page.Required("iframe.widget-example").GetAttribute("src"));
        Assert.Contains("http://localhost/widget/no", page.Text("main pre"));
    }

    [Fact]
    public async Task Get_WidgetOfAnUnknownPlace_IsNotFound()
    {
        var page = await site.Browser().GetPage("/widget/atlantis");
        page.ShouldBe(404);
    }
}
