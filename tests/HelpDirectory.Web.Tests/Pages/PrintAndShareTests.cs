using HelpDirectory.Web.Tests.Infrastructure;

namespace HelpDirectory.Web.Tests.Pages;

/// <summary>The printable lists and the ways to pass a listing on, over the example listings.</summary>
public sealed class PrintAndShareTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    private static List<string> Names(Page page) => page.All(".print-services > li h3").Select(h => Page.Normalize(h.TextContent)).ToList();

    [Fact]
    public async Task Get_PrintView_OfAKind_WritesOutEachListing_LocalFirst()
    {
        var page = await site.Browser().GetPage("/help/no/oslo/therapy/print");
        page.ShouldBe(200);

        Assert.Equal(["Example Oslo Therapy", "Example Norway Therapy Line"], Names(page));
        var oslo = Page.Normalize(page.All(".print-services > li").First().TextContent);
        Assert.Contains("Phone: call +44 20 7946 0001 (Reception)", oslo);
        Assert.Contains("Website: https://example.org/oslo", oslo);
        Assert.Contains("Email: oslo@example.org", oslo);
        Assert.Contains("Address: Example clinic, 1 Example Street, 0000 Oslo", oslo);
        Assert.Contains("Hours: Monday to Friday 09:00–17:00", oslo);
        Assert.Contains("Cost: Paid: Example fee", oslo);
        Assert.Contains("Who it is for: Young people", oslo);
        Assert.Contains("Languages: English, Norwegian Bokmål", oslo);
        Assert.Contains("Hours: Open 24/7", Page.Normalize(page.All(".print-services > li").Last().TextContent));
        Assert.Equal("2026-11-18", page.Required(".printed time").GetAttribute("datetime"));
        Assert.Equal("http://localhost/help/no/oslo/therapy", page.Text(".printed .url"));
        Assert.NotNull(page.Document.QuerySelector("#crisis")); // the layout's banner, as on every page
    }

    [Fact]
    public async Task Get_PrintView_PutsTheRegionsCrisisAndEmergencyNumbersFirst()
    {
        var client = site.Browser();
        var place = await client.GetPage("/help/no");
        var print = await client.GetPage("/help/no/print");
        print.ShouldBe(200);

        var crisis = print.Required(".print-crisis");
        var emergency = place.All(".crisis .emergency-number a").Select(a => Page.Normalize(a.TextContent)).ToList();
        var lines = place.All(".lines-full h3").Select(h => Page.Normalize(h.TextContent)).ToList();
        Assert.NotEmpty(emergency);
        Assert.NotEmpty(lines);
        foreach (var number in emergency) Assert.Contains(number, crisis.TextContent);
        foreach (var line in lines) Assert.Contains(line, crisis.TextContent);
        // The crisis section comes before the listings.
        Assert.True(print.Body.IndexOf("print-crisis", StringComparison.Ordinal) < print.Body.IndexOf("print-services", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_PrintView_OfAPlace_ListsEveryKind()
    {
        var page = await site.Browser().GetPage("/help/no/oslo/print");
        page.ShouldBe(200);

        Assert.Equal(
            ["Example Nordic Forum", "Example Norway Helpline", "Example Norway Therapy Line", "Example Oslo Night Group", "Example Oslo Therapy", "Example Worldwide Online Therapy"],
            Names(page).Order());
        Assert.Equal("6 services that reach Oslo, Norway", page.Text("#print-listings"));
        // The worldwide service keeps New York's hours, named as such for a list printed in Norway.
        Assert.Contains("Hours: Monday to Friday 08:00–20:00 (New York time)", page.Text(".print-services"));
    }

    [Theory]
    [InlineData("/help/no/nowhere/print", 404)]
    [InlineData("/help/zz/print", 404)]
    [InlineData("/help/no/therapy/print", 200)]
    [InlineData("/help/gb/scotland/helplines/print", 200)]
    public async Task Get_PrintView_OfAnUnknownPlace_IsNotFound(string url, int status) =>
        (await site.Browser().GetPage(url)).ShouldBe(status);

    [Theory]
    [InlineData("/help/no/oslo/therapy", "/help/no/oslo/therapy/print")]
    [InlineData("/help/no/therapy?free=true&page=2", "/help/no/therapy/print?free=true")]
    [InlineData("/help/no/oslo", "/help/no/oslo/print")]
    public async Task Get_ListPages_LinkToTheirPrintView(string url, string print)
    {
        var page = await site.Browser().GetPage(url);
        Assert.Equal(print, page.Required(".print-link a").GetAttribute("href"));
    }

    [Fact]
    public async Task Get_KindPage_PrintLink_CarriesItsFilters_AndPrintsTheSameServices()
    {
        var kind = await site.Browser().GetPage("/help/no/oslo/therapy?free=true");
        var shown = kind.All(".cards .card h3 a").Select(a => Page.Normalize(a.TextContent)).ToList();
        var link = kind.Required(".print-link a").GetAttribute("href")!;
        Assert.Equal("/help/no/oslo/therapy/print?free=true", link);

        var print = await site.Browser().GetPage(link);
        print.ShouldBe(200);
        Assert.Equal(["Example Norway Therapy Line"], Names(print));
        Assert.Equal(shown, Names(print));
        Assert.Equal("Only those that match: free.", print.Text("#print-filters"));
        // The address printed, and the way back, are the filtered list.
        Assert.Equal("http://localhost/help/no/oslo/therapy?free=true", print.Text(".printed .url"));
        Assert.Equal("/help/no/oslo/therapy?free=true", print.Required(".print-list > p.no-print a").GetAttribute("href"));
    }

    [Theory]
    [InlineData("contact=in-person", "Example Oslo Therapy")]
    [InlineData("free=true", "Example Norway Therapy Line")]
    [InlineData("contact=in-person&free=true", null)]
    public async Task Get_PrintView_AppliesTheKindPagesFilters(string filter, string? only)
    {
        var print = await site.Browser().GetPage("/help/no/oslo/therapy/print?" + filter);

        print.ShouldBe(200);
        Assert.Equal(only is null ? [] : [only], Names(print));
    }

    [Fact]
    public async Task Get_PrintView_WithoutFilters_ListsEveryService_AndNoFilterLine()
    {
        var print = await site.Browser().GetPage("/help/no/oslo/therapy/print");

        Assert.Equal(["Example Oslo Therapy", "Example Norway Therapy Line"], Names(print));
        Assert.Null(print.Document.QuerySelector("#print-filters"));
    }

    [Fact]
    public async Task Get_ServicePage_OffersALink_AnEmail_AndATextToMyself_WithNoTracking()
    {
        var page = await site.Browser().GetPage("/services/example-gb-evening-chat");
        page.ShouldBe(200);

        const string address = "http://localhost/services/example-gb-evening-chat";
        var message = "Example GB Evening Chat. Text 020 7946 0003. " + address;
        Assert.Equal(address, page.Required("#share-link").GetAttribute("value"));
        Assert.Equal("sms:?body=" + Uri.EscapeDataString(message), page.Required(".share a.text").GetAttribute("href"));
        Assert.Equal($"mailto:?subject={Uri.EscapeDataString("Example GB Evening Chat")}&body={Uri.EscapeDataString(message)}", page.Required(".share a.web").GetAttribute("href"));
        // The Web Share button waits for the script to find the browser can share; the links work without it.
        var button = page.Required(".share button[data-share-url]");
        Assert.True(button.HasAttribute("hidden"));
        Assert.Equal(address, button.GetAttribute("data-share-url"));
        Assert.StartsWith("/js/share.", page.Required("head script[src*=share]").GetAttribute("src"));
        Assert.DoesNotContain("utm_", page.Body);
    }

    [Fact]
    public async Task Get_Stylesheet_HidesNavigationAndExitWhenPrinted()
    {
        var css = await site.Browser().GetStringAsync("/css/site.css");
        var print = css[css.IndexOf("@media print", StringComparison.Ordinal)..];
        var hidden = print[..print.IndexOf("display: none", StringComparison.Ordinal)];
        foreach (var selector in new[] { ".quick-exit", ".site-nav", ".region-note", ".no-print", ".share" }) Assert.Contains(selector, hidden);
    }
}
