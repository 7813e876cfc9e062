using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Tests.Infrastructure;

namespace HelpDirectory.Web.Tests.Pages;

/// <summary>The directory pages over the example listings in Fixtures/services.json.</summary>
public sealed class DirectoryTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    private static async Task<List<string>> Slugs(HttpClient client, string url)
    {
        var page = await client.GetPage(url);
        page.ShouldBe(200);
        return page.All(".cards .card h3 a").Select(a => a.GetAttribute("href")!.Replace("/services/", "")).Order().ToList();
    }

    [Theory]
    [InlineData("/help/no/oslo/therapy", "example-norway-therapy-line,example-oslo-therapy")]
    [InlineData("/help/no/vestland/therapy", "example-norway-therapy-line,example-vestland-therapy")]
    [InlineData("/help/no/therapy", "example-norway-therapy-line,example-oslo-therapy,example-vestland-therapy")]
    [InlineData("/help/se/therapy", "")]
    [InlineData("/help/us/california/therapy", "example-california-therapy")]
    [InlineData("/help/us/new-york/therapy", "")]
    [InlineData("/help/no/oslo/online-therapy", "example-worldwide-online-therapy")]
    [InlineData("/help/jp/online-therapy", "example-worldwide-online-therapy")]
    [InlineData("/help/no/oslo/groups", "example-oslo-night-group")]
    [InlineData("/help/se/forums", "example-nordic-forum")]
    [InlineData("/help/gb/forums", "")]
    [InlineData("/help/gb/scotland/helplines", "example-gb-evening-chat")]
    public async Task Get_KindPage_ShowsExactlyThePublishedServicesThatReachThePlace(string url, string expected)
    {
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(), await Slugs(site.Browser(), url));
    }

    [Fact]
    public async Task Get_KindPage_MarksLocalNationalAndOnline_LocalFirst()
    {
        var page = await site.Browser().GetPage("/help/no/oslo/therapy");

        var badges = page.All(".card").Select(c => (Page.Normalize(c.QuerySelector("h3")!.TextContent), Page.Normalize(c.QuerySelector(".badge")!.TextContent))).ToList();
        Assert.Equal([("Example Oslo Therapy", "Local"), ("Example Norway Therapy Line", "National")], badges);
        var online = await site.Browser().GetPage("/help/no/oslo/online-therapy");
        Assert.Equal("Online, available here", online.Text(".card .badge"));
    }

    [Theory]
    [InlineData("?contact=phone", "example-norway-therapy-line,example-oslo-therapy")]
    [InlineData("?contact=video", "example-norway-therapy-line")]
    [InlineData("?contact=in-person", "example-oslo-therapy,example-vestland-therapy")]
    [InlineData("?contact=in-person&contact=phone", "example-oslo-therapy")]
    [InlineData("?contact=in-person,phone", "example-oslo-therapy")]
    [InlineData("?free=true", "example-norway-therapy-line,example-vestland-therapy")]
    [InlineData("?audience=youth", "example-oslo-therapy")]
    [InlineData("?audience=adults", "example-vestland-therapy")]
    [InlineData("?language=nn", "example-norway-therapy-line")]
    [InlineData("?language=en", "example-oslo-therapy")]
    [InlineData("?approach=cbt", "example-norway-therapy-line,example-vestland-therapy")]
    [InlineData("?approach=dbt&free=true", "example-norway-therapy-line")]
    [InlineData("?approach=dbt&contact=in-person&audience=youth&language=nb", "example-oslo-therapy")]
    [InlineData("?free=true&contact=in-person&approach=dbt", "")]
    public async Task Get_KindPage_FiltersNarrowAloneAndCombined(string query, string expected)
    {
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(), await Slugs(site.Browser(), "/help/no/therapy" + query));
    }

    [Fact]
    public async Task Get_KindPage_LanguageFilterMatchesRegionalVariants()
    {
        Assert.Equal(["example-worldwide-online-therapy"], await Slugs(site.Browser(), "/help/no/online-therapy?language=es"));
    }

    [Theory]
    [InlineData("/help/no/therapy", "nb", ",en,nb,nn", "Any language,English,Norwegian Bokmål,Norwegian Nynorsk")]
    [InlineData("/help/no/therapy?approach=dbt", "", ",en,nb,nn", "Any language,English,Norwegian Bokmål,Norwegian Nynorsk")]
    [InlineData("/help/no/therapy?free=true", "", ",nb,nn", "Any language,Norwegian Bokmål,Norwegian Nynorsk")]
    [InlineData("/help/no/online-therapy?language=es", "es", ",en,es", "Any language,English,Spanish")]
    [InlineData("/help/se/therapy", "", "", "Any language")]
    public async Task Get_KindPage_LanguageFilter_OffersTheLanguagesOfTheResults_InWords(string url, string selected, string values, string names)
    {
        var page = await site.Browser().GetPage(url.Contains("language") || selected.Length == 0 ? url : url + "?language=" + selected);
        page.ShouldBe(200);

        var options = page.All("select#filter-language option").ToList();
        Assert.Equal(values.Split(','), options.Select(o => o.GetAttribute("value")));
        Assert.Equal(names.Split(','), options.Select(o => Page.Normalize(o.TextContent)));
        Assert.Equal(selected, options.SingleOrDefault(o => o.HasAttribute("selected"))?.GetAttribute("value") ?? "");
        Assert.Equal("Language", page.Text("label[for=filter-language]"));
    }

    [Theory]
    // Wednesday 2026-11-18. 12:00 UTC = 13:00 Oslo (office open), 07:00 New York (closed).
    [InlineData("2026-11-18T12:00:00Z", "/help/no/therapy?open=now", "example-norway-therapy-line,example-oslo-therapy")]
    [InlineData("2026-11-18T12:00:00Z", "/help/no/online-therapy?open=now", "")]
    // 20:00 UTC = 21:00 Oslo (office closed), 15:00 New York (open).
    [InlineData("2026-11-18T20:00:00Z", "/help/no/therapy?open=now", "example-norway-therapy-line")]
    [InlineData("2026-11-18T20:00:00Z", "/help/no/online-therapy?open=now", "example-worldwide-online-therapy")]
    [InlineData("2026-11-18T20:00:00Z", "/help/gb/helplines?open=now", "example-gb-evening-chat")]
    // Saturday 00:30 UTC = 01:30 Oslo: Friday night's group is still meeting.
    [InlineData("2026-11-21T00:30:00Z", "/help/no/oslo/groups?open=now", "example-oslo-night-group")]
    [InlineData("2026-11-21T01:30:00Z", "/help/no/oslo/groups?open=now", "")]
    public async Task Get_KindPage_OpenNow_UsesEachServicesTimeZone(string utc, string url, string expected)
    {
        var factory = new FixtureSiteFactory();
        await using var _ = factory;
        factory.Clock.Now = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(), await Slugs(factory.Browser(), url));
    }

    [Theory]
    // Wednesday 2026-11-18. Each card says when, in the service's own time, naming its zone when the place's clock differs.
    [InlineData("2026-11-18T12:00:00Z", "/help/no/therapy", "example-oslo-therapy", "Open now · until 17:00")]
    [InlineData("2026-11-18T12:00:00Z", "/help/no/therapy", "example-norway-therapy-line", "Open 24/7")]
    [InlineData("2026-11-18T12:00:00Z", "/help/no/therapy", "example-vestland-therapy", "Hours not listed: check before calling")]
    [InlineData("2026-11-18T12:00:00Z", "/help/no/online-therapy", "example-worldwide-online-therapy", "Closed · opens at 08:00 New York time")]
    [InlineData("2026-11-18T22:50:00Z", "/help/gb/helplines", "example-gb-evening-chat", "Closes in 10 min")]
    [InlineData("2026-11-18T18:55:00Z", "/help/gb/helplines", "example-gb-evening-chat", "Opens in 5 min")]
    [InlineData("2026-11-18T16:50:00Z", "/help/gb/helplines", "example-gb-evening-chat", "Closed · opens at 19:00")]
    [InlineData("2026-11-18T23:30:00Z", "/help/gb/helplines", "example-gb-evening-chat", "Closed · opens tomorrow at 19:00")]
    public async Task Get_KindPage_CardSaysWhenItOpensOrCloses(string utc, string url, string slug, string expected)
    {
        var factory = new FixtureSiteFactory();
        await using var _ = factory;
        factory.Clock.Now = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

        var page = await factory.Browser().GetPage(url);
        page.ShouldBe(200);
        var card = page.All(".cards .card").SingleOrDefault(c => c.QuerySelector("h3 a")?.GetAttribute("href") == "/services/" + slug)
            ?? throw new Xunit.Sdk.XunitException($"No card for {slug} in:\n{page.Body}");
        Assert.Equal(expected, Page.Normalize(card.QuerySelector(".badge.hours")!.TextContent));
    }

    [Theory]
    // 12:00 UTC on a Wednesday is 07:00 in New York. From Norway the zone is named; from the United States it is not.
    [InlineData("nb-NO", "Closed · opens at 08:00 New York time", "08:00–20:00 New York time")]
    [InlineData("en-US", "Closed · opens at 08:00", "08:00–20:00")]
    public async Task Get_ServicePage_SaysWhenInTheServicesTime_NamingTheZoneWhenTheVisitorsDiffers(string language, string status, string monday)
    {
        var page = await site.Browser(acceptLanguage: language).GetPage("/services/example-worldwide-online-therapy");
        page.ShouldBe(200);

        Assert.Equal(status, page.Text(".status"));
        Assert.Equal(monday, page.Text(".hours tr:first-child td"));
        Assert.Contains("America/New_York", page.Text(".hours caption"));
    }

    [Fact]
    public async Task Get_KindPage_PaginatesAndKeepsFilters()
    {
        var factory = new FixtureSiteFactory();
        await using var _ = factory;
        factory.Browser(); // starts the site and seeds it
        await factory.WithDb(async db =>
        {
            var org = db.Organizations.First();
            for (var i = 0; i < 25; i++)
            {
                db.Services.Add(new Service
                {
                    Slug = $"example-paged-{i:00}", Name = $"Example Paged {i:00}", Organization = org, Kind = HelpKind.Groups,
                    Status = ListingStatus.Published, Cost = CostKind.Free, ContactMethods = ContactMethods.Web,
                    Areas = [new ServiceArea { Scope = AreaScope.Country, CountryCode = "DK" }],
                });
            }
            await db.SaveChangesAsync();
        });

        var first = await factory.Browser().GetPage("/help/dk/groups?free=true");
        var second = await factory.Browser().GetPage(first.Required("a[rel=next]").GetAttribute("href")!);

        Assert.Equal(20, first.All(".card").Count);
        Assert.Equal("/help/dk/groups?free=true&page=2", first.Required("a[rel=next]").GetAttribute("href"));
        Assert.Equal(5, second.All(".card").Count);
        Assert.Contains("25 services", second.Text(".result-count"));
        Assert.Equal("Example Paged 24", Page.Normalize(second.All(".card h3").Last().TextContent));
    }

    [Fact]
    public async Task Get_PlacePage_CountsEachKindThatReachesThePlace()
    {
        var page = await site.Browser().GetPage("/help/no/oslo");

        var counts = page.All(".kinds .kind-link").ToDictionary(a => a.GetAttribute("href")!, a => Page.Normalize(a.QuerySelector(".count")!.TextContent));
        Assert.Equal("2 services", counts["/help/no/oslo/therapy"]);
        Assert.Equal("1 service", counts["/help/no/oslo/online-therapy"]);
        Assert.Equal("1 service", counts["/help/no/oslo/groups"]); // the draft group is not counted
        Assert.Equal("1 service", counts["/help/no/oslo/helplines"]);
        Assert.Equal("1 service", counts["/help/no/oslo/forums"]);
    }

    [Fact]
    public async Task Get_CountryPage_LinksEveryChildRegion()
    {
        var page = await site.Browser().GetPage("/help/no");

        var links = page.All("#parts-title ~ ul a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/help/no/oslo", links);
        Assert.Contains("/help/no/vestland", links);
        Assert.Equal(15, links.Count);
    }

    [Fact]
    public async Task Get_ServicePage_ShowsItsFields()
    {
        var page = await site.Browser().GetPage("/services/example-oslo-therapy");
        page.ShouldBe(200);

        Assert.Equal("Example Oslo Therapy", page.Text("main h1"));
        Assert.Equal("tel:+442079460001", page.Required(".reach a.call").GetAttribute("href"));
        Assert.Equal("https://example.org/oslo", page.Required(".reach a.web").GetAttribute("href"));
        Assert.Equal("mailto:oslo@example.org", page.All(".reach a").Last().GetAttribute("href"));
        // 13:00 on a Wednesday in Oslo. The visitor's region is not known, so the service's zone is named.
        Assert.Equal("Open now · until 17:00 Norway time", page.Text(".status"));
        Assert.Contains("Europe/Oslo", page.Text(".hours caption"));
        Assert.Equal("09:00–17:00 Norway time", page.Text(".hours tr:first-child td"));
        Assert.Equal("Closed", page.Text(".hours tr:last-child td"));
        var facts = page.Text(".facts");
        Assert.Contains("Paid: Example fee", facts);
        Assert.Contains("Young people", facts);
        Assert.Contains("Norwegian Bokmål", facts);
        Assert.Contains("DBT (dialectical behaviour therapy)", facts);
        Assert.Contains("Oslo, Norway", facts);
        Assert.Contains("1 Example Street", page.Text("address"));
        Assert.Equal("Details taken from the organisation's website on 15 January 2026. Checked by Test Editor.", page.Text("#how-checked"));
        Assert.DoesNotContain("verified", page.Text("main"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("https://example.org/source-oslo", page.Text(".verified .sources"));
        Assert.Equal("/services/example-oslo-therapy/report", page.All(".verified a").Last().GetAttribute("href"));
    }

    [Fact]
    public async Task Get_ServicePage_TextLineGetsSmsLink_And24x7IsSaid()
    {
        var chat = await site.Browser().GetPage("/services/example-gb-evening-chat");
        var line = await site.Browser().GetPage("/services/example-norway-helpline");

        Assert.Equal("sms:+442079460003", chat.Required(".reach a.text").GetAttribute("href"));
        Assert.Equal("Open 24/7", line.Text(".status"));
    }

    [Fact]
    public async Task Get_DraftService_IsNotFound()
    {
        var page = await site.Browser().GetPage("/services/example-draft-oslo-group");

        page.ShouldBe(404);
    }

    [Fact]
    public async Task Get_ServicePage_EscapesMarkupInDescriptions()
    {
        var factory = new FixtureSiteFactory();
        await using var _ = factory;
        factory.Browser();
        // Written straight to the database, as an old import or a bug might have: the page must still escape it.
        await factory.WithDb(async db =>
        {
            var s = db.Services.Single(x => x.Slug == "example-worldwide-online-therapy");
            s.Description = "Example online therapy. <script>alert('fixture')</script> by video and chat.";
            await db.SaveChangesAsync();
        });

        var page = await factory.Browser().GetPage("/services/example-worldwide-online-therapy");

        Assert.DoesNotContain("<script>alert", page.Body);
        Assert.Contains("&lt;script&gt;alert", page.Body);
        Assert.Empty(page.All("main script"));
    }

    [Fact]
    public async Task PublicPages_SetNoCookies()
    {
        foreach (var url in new[] { "/", "/help/no", "/help/no/oslo/therapy?free=true", "/services/example-oslo-therapy", "/articles", "/region", "/nope" })
        {
            var response = await site.Browser(acceptLanguage: "nb-NO").GetAsync(url);
            Assert.False(response.Headers.Contains("Set-Cookie"), url);
        }
    }

    [Fact]
    public async Task Get_PlacePage_SaysPlainlyWhichKindsItListsNoneOfYet()
    {
        var page = await site.Browser().GetPage("/help/se");

        var counts = page.All(".kinds .kind-link").ToDictionary(a => a.QuerySelector(".kind-name")!.TextContent, a => a.QuerySelector(".count")!.TextContent);
        Assert.Equal(5, counts.Count);
        Assert.Equal("we list none here yet", counts["Psychotherapy (in person)"]);
        Assert.DoesNotContain(counts.Values, c => c.StartsWith("0 ", StringComparison.Ordinal));
    }
}
