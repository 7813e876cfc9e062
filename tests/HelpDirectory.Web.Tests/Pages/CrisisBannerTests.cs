using System.Text.Json;
using HelpDirectory.Web.Tests.Infrastructure;

namespace HelpDirectory.Web.Tests.Pages;

/// <summary>The banner on the published seed. Expectations are read from the research file itself, not from the site.</summary>
public sealed class CrisisBannerTests(HelpSiteFactory site) : IClassFixture<HelpSiteFactory>
{
    public sealed record ExpectedLine(string Name, string? Tel);

    public static TheoryData<string, string> SeededCountries()
    {
        var data = new TheoryData<string, string>();
        foreach (var country in ResearchFile().RootElement.GetProperty("countries").EnumerateArray())
            data.Add(country.GetProperty("code").GetString()!, country.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(SeededCountries))]
    public async Task Get_Home_WithAcceptLanguageOfCountry_ShowsThatCountrysLinesAndEmergencyNumber(string code, string name)
    {
        var page = await site.Browser(acceptLanguage: $"en-{code}").GetPage("/");
        page.ShouldBe(200);

        Assert.Contains(name, page.Text("#crisis h2"));
        var expected = ExpectedLines(code).Take(3).ToList();
        var shown = page.All("#crisis .line");
        Assert.Equal(expected.Select(e => e.Name), shown.Select(li => Page.Normalize(li.QuerySelector(".line-name")!.TextContent)));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Tel, shown[i].QuerySelector("a.call")?.GetAttribute("href"));
        }
        var emergency = ResearchFile().RootElement.GetProperty("countries").EnumerateArray()
            .Single(c => c.GetProperty("code").GetString() == code).GetProperty("emergency")[0].GetString();
        Assert.Equal($"tel:{emergency}", page.Required("#crisis a.emergency-call").GetAttribute("href"));
    }

    [Fact]
    public async Task Banner_LowConfidenceAndNonCrisisLines_NeverShow()
    {
        var us = await site.Browser(acceptLanguage: "en-US").GetPage("/help/us");
        var za = await site.Browser(acceptLanguage: "en-ZA").GetPage("/help/za");

        Assert.DoesNotContain("S.A.F.E.", us.Text("#crisis"));
        Assert.DoesNotContain("366-8288", us.Text("#crisis") + string.Concat(us.All(".lines-full").Select(e => e.TextContent)));
        Assert.DoesNotContain("0861 322 322", za.Body);
    }

    [Theory]
    [InlineData("gb", "PAPYRUS HOPELINE247", null)]                 // two conflicting numbers in the research: not shown
    [InlineData("gb", "Shout 85258", "sms:85258?&body=SHOUT")]
    [InlineData("us", "Crisis Text Line", "sms:741741?&body=HOME")]
    [InlineData("us", "The Trevor Project (TrevorLifeline / TrevorText / TrevorChat)", null)] // low-confidence text number
    [InlineData("sg", "Samaritans of Singapore (SOS)", null)]       // a WhatsApp number is not an SMS line
    public async Task Banner_TextLinks_OnlyForTrustedSmsNumbers(string country, string line, string? expected)
    {
        var page = await site.Browser().GetPage($"/help/{country}");

        var entry = page.All(".lines-full > li").Single(li => Page.Normalize(li.QuerySelector("h3")!.TextContent) == line);
        Assert.Equal(expected, entry.QuerySelector("a.text")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Banner_PathBeatsCookieBeatsHeader()
    {
        var pathWins = await site.Browser(acceptLanguage: "sv-SE", regionCookie: "GB").GetPage("/help/no");
        var cookieWins = await site.Browser(acceptLanguage: "sv-SE", regionCookie: "GB").GetPage("/");
        var headerWins = await site.Browser(acceptLanguage: "sv-SE").GetPage("/");

        Assert.Contains("Norway", pathWins.Text("#crisis h2"));
        Assert.Contains("United Kingdom", cookieWins.Text("#crisis h2"));
        Assert.Contains("Sweden", headerWins.Text("#crisis h2"));
    }

    [Fact]
    public async Task Banner_SubdivisionWithoutItsOwnLines_ShowsTheCountrysLines()
    {
        var page = await site.Browser().GetPage("/help/no/oslo");

        Assert.Contains("Oslo, Norway", page.Text("#crisis h2"));
        Assert.Equal(ExpectedLines("NO").First().Name, page.Text("#crisis .line-name"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("en")]
    [InlineData("xx-ZZ")]
    public async Task Banner_UnknownRegion_ShowsInternationalFallbackAndPicker(string? acceptLanguage)
    {
        var page = await site.Browser(acceptLanguage).GetPage("/");

        Assert.Contains("call your local emergency number", page.Text("#crisis .emergency"));
        Assert.Contains(page.All("#crisis a"), a => a.GetAttribute("href") == "https://www.befrienders.org");
        Assert.Contains(page.All("#crisis a"), a => a.GetAttribute("href") == "/region");
        Assert.Empty(page.All("#crisis a.call"));
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/help/zz")]
    [InlineData("/help/no/atlantis")]
    [InlineData("/help/no/atlantis/therapy")]
    [InlineData("/services/no-such-service")]
    [InlineData("/articles/no-such-article")]
    public async Task NotFound_CarriesTheBannerForTheVisitorsRegion(string url)
    {
        var page = await site.Browser(acceptLanguage: "nb-NO").GetPage(url);

        page.ShouldBe(404);
        Assert.Contains("Norway", page.Text("#crisis h2"));
        Assert.Equal("tel:116123", page.Required("#crisis a.call").GetAttribute("href"));
        Assert.Equal("We could not find that page", page.Text("main h1"));
    }

    [Fact]
    public async Task EveryPage_HasQuickExitAndSkipLink_BeforeMain()
    {
        var page = await site.Browser(acceptLanguage: "en-GB").GetPage("/help/gb");

        Assert.Equal("https://neutral.example/", page.Required("a#quick-exit").GetAttribute("href"));
        Assert.Equal("#main", page.Required("body > a.skip-link").GetAttribute("href"));
        var order = page.All("a.skip-link, #crisis a.call, main").Select(e => e.TagName == "MAIN" ? "MAIN" : e.ClassName).ToList();
        Assert.Equal("skip-link", order[0]);
        Assert.Equal("MAIN", order[^1]);
    }

    [Fact]
    public async Task PlacePage_ListsEveryCrisisLineWithItsSource()
    {
        var page = await site.Browser().GetPage("/help/gb");

        var lines = page.All("#crisis-lines ~ .lines-full > li");
        Assert.Equal(ExpectedLines("GB").Select(l => l.Name), lines.Select(li => Page.Normalize(li.QuerySelector("h3")!.TextContent)));
        Assert.All(lines, li => Assert.Contains("https://", li.QuerySelector(".sources")!.TextContent));
    }

    private static JsonDocument ResearchFile() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Content, "data", "crisis-lines.json")));

    private static IEnumerable<ExpectedLine> ExpectedLines(string code) =>
        ResearchFile().RootElement.GetProperty("countries").EnumerateArray()
            .Single(c => c.GetProperty("code").GetString() == code)
            .GetProperty("lines").EnumerateArray()
            .Where(l => l.GetProperty("isCrisisLine").GetBoolean() && l.GetProperty("confidence").GetString() != "low")
            .Select(l =>
            {
                var phone = l.GetProperty("phone").GetString();
                var e164 = l.GetProperty("phoneE164").GetString();
                var tel = phone is null ? null : "tel:" + (e164 ?? new string(phone.Where(char.IsAsciiDigit).ToArray()));
                return new ExpectedLine(l.GetProperty("name").GetString()!, tel);
            });
}
