using HelpDirectory.Web.Caching;
using HelpDirectory.Web.Hosting;
using HelpDirectory.Web.Regions;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDirectory.Web.Tests.Pages;

/// <summary>
/// The output cache, through HTTP. A response that came from the cache carries an Age header, so each test can show that
/// the cache was really used (or really not) before asserting what the visitor saw.
/// </summary>
public sealed class CachingTests
{
    private static bool FromCache(Page page) => page.Response.Headers.Age is not null;

    [Theory]
    [InlineData("/")]
    [InlineData("/articles/what-is-self-harm")]
    [InlineData("/services/example-oslo-therapy")]
    public async Task Get_SameUrl_ForVisitorsFromDifferentRegions_EachSeesTheirOwnCrisisLines(string url)
    {
        await using var site = new FixtureSiteFactory();
        var visitors = new (string Name, HttpClient Client, string Region)[]
        {
            ("Norwegian browser", site.Browser(acceptLanguage: "en-NO"), "Norway"),
            ("British browser", site.Browser(acceptLanguage: "en-GB"), "United Kingdom"),
            ("Swedish choice", site.Browser(acceptLanguage: "en-NO", regionCookie: "SE"), "Sweden"),
            ("no region", site.Browser(), ""),
        };

        // Twice round: the second round is served from the cache, and must still show each visitor their own region.
        for (var round = 1; round <= 2; round++)
        {
            foreach (var (name, client, region) in visitors)
            {
                var page = await client.GetPage(url);
                page.ShouldBe(200);
                Assert.True(FromCache(page) == (round == 2), $"{name}, round {round}: Age header {page.Response.Headers.Age}");
                var heading = page.Text("#crisis h2");
                if (region.Length == 0)
                {
                    Assert.Equal("Need to talk now?", heading);
                    Assert.Empty(page.All("#crisis a.call"));
                }
                else
                {
                    Assert.Equal($"Need to talk now? Help in {region}", heading);
                }
            }
        }

        // Norway and the UK share the 116 123 line, so tell them apart by their emergency numbers too.
        var norway = await visitors[0].Client.GetPage(url);
        var britain = await visitors[1].Client.GetPage(url);
        var sweden = await visitors[2].Client.GetPage(url);
        Assert.Equal("tel:113", norway.Required("#crisis a.emergency-call").GetAttribute("href"));
        Assert.Equal("tel:999", britain.Required("#crisis a.emergency-call").GetAttribute("href"));
        Assert.Equal("Mind Självmordslinjen", sweden.Text("#crisis .line-name"));
    }

    [Fact]
    public async Task Get_SameRegion_FromCookieAndFromBrowser_EachBannerSaysHowItWasChosen()
    {
        await using var site = new FixtureSiteFactory();

        await site.Browser(acceptLanguage: "en-NO").GetPage("/");
        var chosen = await site.Browser(regionCookie: "NO").GetPage("/");
        var browser = await site.Browser(acceptLanguage: "en-NO").GetPage("/");

        Assert.False(FromCache(chosen));
        Assert.True(FromCache(browser));
        Assert.Contains("Showing help for Norway, as you chose.", chosen.Text("#crisis .region-note"));
        Assert.Contains("Showing help for Norway, from your browser's language settings.", browser.Text("#crisis .region-note"));
    }

    [Fact]
    public async Task Get_KindPage_EachQueryGetsItsOwnCachedPage()
    {
        await using var site = new FixtureSiteFactory();
        var client = site.Browser();
        var urls = new[] { "/help/no/therapy", "/help/no/therapy?free=true", "/help/no/therapy?contact=in-person", "/help/no/therapy?free=true&contact=in-person" };
        var expected = new[]
        {
            "example-norway-therapy-line,example-oslo-therapy,example-vestland-therapy",
            "example-norway-therapy-line,example-vestland-therapy",
            "example-oslo-therapy,example-vestland-therapy",
            "example-vestland-therapy",
        };

        for (var round = 1; round <= 2; round++)
        {
            for (var i = 0; i < urls.Length; i++)
            {
                var page = await client.GetPage(urls[i]);
                page.ShouldBe(200);
                Assert.True(FromCache(page) == (round == 2), $"{urls[i]}, round {round}");
                var slugs = page.All(".cards .card h3 a").Select(a => a.GetAttribute("href")!.Replace("/services/", "", StringComparison.Ordinal)).Order();
                Assert.Equal(expected[i], string.Join(',', slugs));
            }
        }
        var reordered = await client.GetPage("/help/no/therapy?contact=in-person&free=true");
        Assert.Equal("example-vestland-therapy", reordered.Required(".cards .card h3 a").GetAttribute("href")!.Replace("/services/", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_UnknownQueryParameter_IsRenderedAfresh()
    {
        await using var site = new FixtureSiteFactory();
        var client = site.Browser(acceptLanguage: "en-NO");

        await client.GetPage("/?utm_source=poster");
        var second = await client.GetPage("/?utm_source=poster");
        await client.GetPage("/");
        var plain = await client.GetPage("/");

        Assert.False(FromCache(second));
        Assert.True(FromCache(plain));
    }

    [Fact]
    public async Task Get_UnknownAddresses_ShareOneCachedNotFoundPage_PerRegion()
    {
        await using var site = new FixtureSiteFactory();

        var first = await site.Browser(acceptLanguage: "en-NO").GetPage("/no-such-page");
        var other = await site.Browser(acceptLanguage: "en-NO").GetPage("/another/missing/page");
        var british = await site.Browser(acceptLanguage: "en-GB").GetPage("/no-such-page");

        first.ShouldBe(404);
        other.ShouldBe(404);
        british.ShouldBe(404);
        Assert.False(FromCache(first));
        Assert.True(FromCache(other));
        Assert.False(FromCache(british));
        Assert.Equal("We could not find that page", other.Text("main h1"));
        Assert.Contains("Norway", other.Text("#crisis h2"));
        Assert.Contains("United Kingdom", british.Text("#crisis h2"));
    }

    [Fact]
    public async Task Get_KindPage_OpenNow_IsNotServedFromAnEarlierMinute()
    {
        await using var site = new FixtureSiteFactory();
        var client = site.Browser();

        site.Clock.Now = DateTimeOffset.Parse("2026-11-18T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture); // 13:00 in Oslo
        var noon = await client.GetPage("/help/no/therapy?open=now");
        site.Clock.Now = DateTimeOffset.Parse("2026-11-18T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture); // 21:00 in Oslo
        var evening = await client.GetPage("/help/no/therapy?open=now");

        Assert.Equal(["example-norway-therapy-line", "example-oslo-therapy"], Slugs(noon));
        Assert.Equal(["example-norway-therapy-line"], Slugs(evening));
        Assert.False(FromCache(evening));
    }

    [Fact]
    public async Task Invalidate_AfterEditorsPublish_ShowsTheFreshListing()
    {
        await using var site = new FixtureSiteFactory();
        var client = site.Browser(acceptLanguage: "en-NO");
        await client.GetPage("/help/no/oslo/therapy");
        await client.GetPage("/services/example-oslo-therapy");

        await site.WithDb(async db =>
        {
            var service = await db.Services.SingleAsync(s => s.Slug == "example-oslo-therapy");
            service.Name = "Example Oslo Therapy, renamed";
            await db.SaveChangesAsync();
        });
        var staleList = await client.GetPage("/help/no/oslo/therapy");
        Assert.True(FromCache(staleList));
        Assert.DoesNotContain("renamed", staleList.Text(".cards"), StringComparison.Ordinal);

        await site.Services.GetRequiredService<SiteCache>().InvalidateAsync();
        var list = await client.GetPage("/help/no/oslo/therapy");
        var detail = await client.GetPage("/services/example-oslo-therapy");

        Assert.False(FromCache(list));
        Assert.Contains(list.All(".cards .card h3"), h => Page.Normalize(h.TextContent) == "Example Oslo Therapy, renamed");
        Assert.Equal("Example Oslo Therapy, renamed", detail.Text("main h1"));
    }

    [Fact]
    public async Task SiteCacheInvalidate_AfterACrisisLineChange_DropsRegionDataAndPages_SoTheBannerShowsTheNewLine()
    {
        await using var site = new FixtureSiteFactory();
        var client = site.Browser(acceptLanguage: "en-NO");
        var before = await client.GetPage("/");
        Assert.Equal("Mental Helse Hjelpetelefonen", before.Text("#crisis .line-name"));

        await site.WithDb(async db =>
        {
            var line = await db.CrisisLines.Where(l => l.RegionCode == "NO").OrderBy(l => l.SortOrder).FirstAsync();
            line.Name = "Mental Helse Hjelpetelefonen (new name)";
            await db.SaveChangesAsync();
        });
        await site.Services.GetRequiredService<SiteCache>().InvalidateAsync();
        var after = await client.GetPage("/");

        Assert.False(FromCache(after));
        Assert.Equal("Mental Helse Hjelpetelefonen (new name)", after.Text("#crisis .line-name"));
    }

    [Fact]
    public async Task Page_RenderingWhileAnEditorSaves_IsNotKept()
    {
        await using var site = new CountingSiteFactory();
        var client = site.Browser();

        // A page is being rendered, from the data as it was, when a save empties the caches.
        var rendering = client.GetPage("/held");
        await site.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await site.Services.GetRequiredService<SiteCache>().InvalidateAsync();
        site.Release.TrySetResult();
        Assert.Equal("1", (await rendering).Body);

        // That page would be out of date: the next visitor gets a fresh one, and that one is kept.
        var next = await client.GetPage("/held");
        Assert.False(FromCache(next));
        Assert.Equal("2", next.Body);
        var third = await client.GetPage("/held");
        Assert.True(FromCache(third));
        Assert.Equal("2", third.Body);
    }

    [Fact]
    public async Task Get_WithACookieThatIsNotTheRegion_IsNeverAnsweredFromTheCache()
    {
        await using var site = new FixtureSiteFactory();
        await site.Browser(acceptLanguage: "en-NO").GetPage("/");

        var withSession = site.Browser(acceptLanguage: "en-NO");
        withSession.DefaultRequestHeaders.Add("Cookie", "region=NO; .AspNetCore.Identity.Application=signed-in");
        var first = await withSession.GetPage("/");
        var second = await withSession.GetPage("/");

        Assert.False(FromCache(first));
        Assert.False(FromCache(second));
        Assert.Contains("Norway", second.Text("#crisis h2"));
    }

    [Fact]
    public async Task Responses_ThatSetACookie_OrAreForEditors_AreNeverCached()
    {
        await using var site = new CountingSiteFactory();
        var client = site.Browser();

        // The control: an ordinary response is cached, so the counter does not move the second time.
        Assert.Equal("1", await client.GetStringAsync("/counted"));
        Assert.Equal("1", await client.GetStringAsync("/counted"));

        Assert.Equal("2", await client.GetStringAsync("/counted/sets-cookie"));
        Assert.Equal("3", await client.GetStringAsync("/counted/sets-cookie"));
        Assert.Equal("4", await client.GetStringAsync("/admin/counted"));
        Assert.Equal("5", await client.GetStringAsync("/admin/counted"));
        var post = await client.PostAsync("/counted", null);
        Assert.Equal("6", await post.Content.ReadAsStringAsync());
        Assert.Equal("1", await client.GetStringAsync("/counted"));
    }

    [Fact]
    public async Task Responses_ForAnyone_AreCompressed_ButNotForEditors()
    {
        await using var site = new FixtureSiteFactory();
        var client = site.Browser(acceptLanguage: "en-NO");
        client.DefaultRequestHeaders.Add("Accept-Encoding", "br, gzip");

        var page = await client.GetAsync("/");
        var editor = site.Browser();
        editor.DefaultRequestHeaders.Add("Accept-Encoding", "br, gzip");
        editor.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Identity.Application=signed-in");
        var editorsPage = await editor.GetAsync("/");

        Assert.Equal(["br"], page.Content.Headers.ContentEncoding);
        Assert.Empty(editorsPage.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Stylesheet_IsServedCompressed_AndDecodesToTheFile()
    {
        await using var site = new FixtureSiteFactory();
        var home = await site.Browser().GetPage("/");
        var css = home.Required("link[rel=stylesheet]").GetAttribute("href")!;
        var client = site.Browser();
        client.DefaultRequestHeaders.Add("Accept-Encoding", "gzip, deflate, br");

        var response = await client.GetAsync(css);

        // Compressed when the site is built (gzip) or published (Brotli too), not per request.
        Assert.Contains(Assert.Single(response.Content.Headers.ContentEncoding), new[] { "br", "gzip" });
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "HelpDirectory.Web", "wwwroot", "css", "site.css")), await Decoded(response));
    }

    [Theory]
    [InlineData("br, gzip", "br")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("gzip;q=1, br;q=0.5", "gzip")]
    [InlineData("identity", null)]
    public async Task Get_CachedPage_IsKeptPerEncoding_AndEachVisitorGetsOneTheyAccept(string acceptEncoding, string? expected)
    {
        await using var site = new FixtureSiteFactory();
        // The page as rendered for a request the cache never answers (it carries a cookie) and never compresses.
        var uncached = site.Browser(acceptLanguage: "en-NO");
        uncached.DefaultRequestHeaders.Add("Cookie", "other=1");
        var reference = await uncached.GetStringAsync("/articles/what-is-self-harm");
        var client = site.Browser(acceptLanguage: "en-NO");
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);

        // Another encoding's cached entry must not be served: the first request here renders (and compresses) afresh.
        var first = await client.GetAsync("/articles/what-is-self-harm");
        var second = await client.GetAsync("/articles/what-is-self-harm");

        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        foreach (var response in new[] { first, second })
        {
            Assert.Equal(expected is null ? [] : [expected], response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.Equal(reference, await Decoded(response));
        }
    }

    private static async Task<string> Decoded(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync();
        Stream decoded = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new System.IO.Compression.BrotliStream(body, System.IO.Compression.CompressionMode.Decompress),
            "gzip" => new System.IO.Compression.GZipStream(body, System.IO.Compression.CompressionMode.Decompress),
            _ => body,
        };
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task Get_RegionPicker_IsNeverCached()
    {
        await using var site = new FixtureSiteFactory();
        var withChoice = site.Browser(regionCookie: "NO");

        await withChoice.GetPage("/region");
        var second = await withChoice.GetPage("/region");

        Assert.False(FromCache(second));
        Assert.Equal("Forget my region on this device", second.Text("form[action='/region?handler=forget'] button"));
    }

    private static List<string> Slugs(Page page) =>
        page.All(".cards .card h3 a").Select(a => a.GetAttribute("href")!.Replace("/services/", "", StringComparison.Ordinal)).Order().ToList();

    /// <summary>The site with a few extra responses at the end of its pipeline (where requests no page answered arrive),
    /// each counting how often it was really produced.</summary>
    private sealed class CountingSiteFactory : HelpSiteFactory
    {
        private int _count;

        /// <summary>The first request for a path ending /held says so here, then waits for <see cref="Release"/>.</summary>
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _held;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter>(_ => new CountingEndpoints(this)));
        }

        private sealed class CountingEndpoints(CountingSiteFactory factory) : Microsoft.AspNetCore.Hosting.IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Run(async context =>
                {
                    var held = context.Request.Path.Value!.EndsWith("/held", StringComparison.Ordinal);
                    if (!context.Request.Path.Value!.EndsWith("/counted", StringComparison.Ordinal) && !held &&
                        !context.Request.Path.Value.EndsWith("/sets-cookie", StringComparison.Ordinal))
                    {
                        context.Response.StatusCode = StatusCodes.Status404NotFound;
                        return;
                    }
                    var count = Interlocked.Increment(ref factory._count);
                    if (held && Interlocked.Exchange(ref factory._held, 1) == 0)
                    {
                        factory.Entered.TrySetResult();
                        await factory.Release.Task;
                    }
                    if (context.Request.Path.Value.EndsWith("/sets-cookie", StringComparison.Ordinal))
                        context.Response.Cookies.Append("visit", "1");
                    await context.Response.WriteAsync(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                });
            };
        }
    }
}
