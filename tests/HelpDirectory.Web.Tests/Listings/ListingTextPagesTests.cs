using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDirectory.Web.Tests.Listings;

/// <summary>
/// Listings and crisis lines on the Norwegian pages (/nb/...): the translation where there is one, else the English
/// marked lang="en" so a screen reader switches voice. The English pages are as they were.
/// </summary>
public sealed class ListingTextPagesTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    [Fact]
    public async Task ServicePage_InNorwegian_ShowsTheNorwegianTexts_Unmarked()
    {
        var page = await site.Browser().GetPage("/nb/services/example-oslo-therapy");

        page.ShouldBe(200);
        var description = page.Required(".service .description");
        Assert.Equal("Eksempel på terapi i Oslo for unge, ansikt til ansikt.", Page.Normalize(description.TextContent));
        Assert.False(description.HasAttribute("lang"), description.OuterHtml);
        var note = page.Required(".phone-note span[lang], .phone-note span:not(.number)");
        Assert.Equal("Resepsjon", note.TextContent);
        Assert.False(note.HasAttribute("lang"));
        Assert.Contains(page.All(".facts dd span"), s => s.TextContent == "Eksempel på egenandel" && !s.HasAttribute("lang"));
    }

    [Fact]
    public async Task ServicePage_InNorwegian_WithoutATranslation_ShowsTheEnglishMarkedAsEnglish()
    {
        var page = await site.Browser().GetPage("/nb/services/example-vestland-therapy");

        page.ShouldBe(200);
        var description = page.Required(".service .description");
        Assert.Equal("Example in-person therapy in Vestland for adults.", Page.Normalize(description.TextContent));
        Assert.Equal("en", description.GetAttribute("lang"));
    }

    [Fact]
    public async Task ServicePage_InEnglish_ShowsTheEnglish_WithNoLangOfItsOwn()
    {
        var page = await site.Browser().GetPage("/services/example-oslo-therapy");

        page.ShouldBe(200);
        var description = page.Required(".service .description");
        Assert.Equal("Example in-person therapy in Oslo for young people.", Page.Normalize(description.TextContent));
        Assert.False(description.HasAttribute("lang"));
        Assert.Equal("Reception", page.Required(".phone-note span:not(.number)").TextContent);
        Assert.DoesNotContain("lang=\"en\"", page.Required(".service").OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Eksempel", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cards_InNorwegian_ShowEachListingsNorwegianSummary_OrTheEnglishMarked()
    {
        var page = await site.Browser().GetPage("/nb/help/no/oslo/therapy");

        page.ShouldBe(200);
        var cards = page.All(".card").ToDictionary(c => c.QuerySelector("h3 a")!.GetAttribute("href")!, c => c.QuerySelector(".card-org + p")!);
        Assert.Equal("Eksempel på terapi i Oslo for unge, ansikt til ansikt.", cards["/nb/services/example-oslo-therapy"].TextContent);
        Assert.False(cards["/nb/services/example-oslo-therapy"].HasAttribute("lang"));
        Assert.Equal("Example national therapy service by phone and video.", cards["/nb/services/example-norway-therapy-line"].TextContent);
        Assert.Equal("en", cards["/nb/services/example-norway-therapy-line"].GetAttribute("lang"));

        var english = await site.Browser().GetPage("/help/no/oslo/therapy");
        var englishCard = english.All(".card").Single(c => c.QuerySelector("h3 a")!.GetAttribute("href") == "/services/example-oslo-therapy").QuerySelector(".card-org + p")!;
        Assert.Equal("Example in-person therapy in Oslo for young people.", englishCard.TextContent);
        Assert.False(englishCard.HasAttribute("lang"));
    }

    [Fact]
    public async Task CrisisBanner_InNorwegian_ShowsTheLinesHoursInNorwegian()
    {
        var page = await site.Browser().GetPage("/nb/help/no");

        page.ShouldBe(200);
        var alarm = page.All("#crisis .line").Single(l => l.QuerySelector(".line-name")!.TextContent == "Alarmtelefonen for barn og unge");
        var meta = alarm.QuerySelector(".line-meta")!;
        Assert.StartsWith("Telefon og e-post hele døgnet; chat og sms 16.15–22.45 (lørdag til 23.45)", meta.TextContent, StringComparison.Ordinal);
        Assert.Empty(meta.QuerySelectorAll("[lang]"));

        var english = await site.Browser().GetPage("/help/no");
        var englishAlarm = english.All("#crisis .line").Single(l => l.QuerySelector(".line-name")!.TextContent == "Alarmtelefonen for barn og unge");
        Assert.StartsWith("Phone and e-mail 24/7; chat and SMS 16:15-22:45", englishAlarm.QuerySelector(".line-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(englishAlarm.QuerySelectorAll(".line-meta [lang]"));

    }

    [Fact]
    public async Task PublishedNorwegianService_OnItsNorwegianPage_ReadsInNorwegian()
    {
        await using var published = new HelpSiteFactory();

        var page = await published.Browser().GetPage("/nb/services/kors-pa-halsen-no");

        page.ShouldBe(200);
        var description = page.Required(".service .description");
        Assert.StartsWith("En gratis og anonym samtaletjeneste for barn og unge under 18 år i Norge.", Page.Normalize(description.TextContent), StringComparison.Ordinal);
        Assert.False(description.HasAttribute("lang"));
        Assert.Equal("Gratis å ringe", page.Required(".phone-note span:not(.number)").TextContent);
        Assert.StartsWith("En gratis og anonym samtaletjeneste", page.Required("meta[name=description]").GetAttribute("content"), StringComparison.Ordinal);
        var structured = System.Text.Json.Nodes.JsonNode.Parse(page.Required("script[type='application/ld+json']").TextContent)!;
        Assert.StartsWith("En gratis og anonym samtaletjeneste", structured["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Gratis å ringe", structured["contactPoint"]![0]!["contactType"]!.GetValue<string>());
    }

    [Fact]
    public async Task PrintList_InNorwegian_ShowsTheTextsInNorwegian_OrTheEnglishMarked()
    {
        var page = await site.Browser().GetPage("/nb/help/no/oslo/print");

        page.ShouldBe(200);
        var oslo = page.All(".print-services > li").Single(li => li.QuerySelector("h3")!.TextContent == "Example Oslo Therapy");
        Assert.Contains(oslo.QuerySelectorAll("dd span"), s => s.TextContent == "Resepsjon" && !s.HasAttribute("lang"));
        Assert.Contains(oslo.QuerySelectorAll("dd span"), s => s.TextContent == "Eksempel på egenandel" && !s.HasAttribute("lang"));
        var alarm = page.All("li:not(.line)").Single(li => li.QuerySelector("strong")?.TextContent == "Alarmtelefonen for barn og unge");
        Assert.Contains(alarm.QuerySelectorAll("span"), s => s.TextContent == "Telefon og e-post hele døgnet; chat og sms 16.15–22.45 (lørdag til 23.45)");
    }

    [Fact]
    public async Task SearchResults_InNorwegian_ShowTheTranslation_OrTheEnglishPassageMarked()
    {
        var page = await site.Browser().GetPage("/nb/search?q=therapy");

        page.ShouldBe(200);
        var cards = page.All(".card").ToDictionary(c => c.QuerySelector("h3 a")!.GetAttribute("href")!, c => c.QuerySelector(".card-org + p")!);
        Assert.Equal("Eksempel på terapi i Oslo for unge, ansikt til ansikt.", cards["/nb/services/example-oslo-therapy"].TextContent);
        Assert.False(cards["/nb/services/example-oslo-therapy"].HasAttribute("lang"));
        Assert.Equal("snippet", cards["/nb/services/example-vestland-therapy"].ClassName);
        Assert.Equal("en", cards["/nb/services/example-vestland-therapy"].GetAttribute("lang"));

        var english = await site.Browser().GetPage("/search?q=therapy");
        var englishOslo = english.All(".card").Single(c => c.QuerySelector("h3 a")!.GetAttribute("href") == "/services/example-oslo-therapy").QuerySelector(".card-org + p")!;
        Assert.Equal("snippet", englishOslo.ClassName);
        Assert.False(englishOslo.HasAttribute("lang"));
    }

    [Fact]
    public async Task CrisisBanner_InNorwegian_ALineWithoutNorwegianHours_ShowsTheEnglishMarked()
    {
        await using var own = new FixtureSiteFactory();
        await own.WithDb(db => db.CrisisLineTexts
            .Where(t => t.Field == "hours" && db.CrisisLines.Any(l => l.Id == t.CrisisLineId && l.Name == "Alarmtelefonen for barn og unge")).ExecuteDeleteAsync());
        await own.Services.GetRequiredService<HelpDirectory.Web.Caching.SiteCache>().InvalidateAsync();

        var page = await own.Browser().GetPage("/nb/help/no");

        var line = page.All("#crisis .line").Single(l => l.QuerySelector(".line-name")!.TextContent == "Alarmtelefonen for barn og unge");
        Assert.Equal("Phone and e-mail 24/7; chat and SMS 16:15-22:45", line.QuerySelector(".line-meta span[lang=en]")!.TextContent);
    }
}
