using HelpDirectory.Web.Caching;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Searching;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDirectory.Web.Tests.Pages;

/// <summary>The full-text search over real HTTP: the example listings plus a few written here before the first search.</summary>
public sealed class SearchIndexTests : IClassFixture<SearchIndexTests.Site>
{
    public sealed class Site : FixtureSiteFactory
    {
        private readonly Lazy<Task> _seeded;

        public Site() => _seeded = new(() => WithDb(async db =>
        {
            var org = db.Organizations.First();
            Service Add(string slug, string name, string description) => new()
            {
                Slug = slug, Name = name, Organization = org, Kind = HelpKind.Helplines, Description = description,
                Status = ListingStatus.Published, Cost = CostKind.Free, ContactMethods = ContactMethods.Phone,
                Areas = [new ServiceArea { Scope = AreaScope.Country, CountryCode = "NO" }],
            };
            db.Services.AddRange(
                Add("example-calm-line", "Example Calm Line", "General support by phone."),
                Add("example-general-line", "Example General Line", "A calm place to talk, by phone."),
                Add("example-self-harm-line", "Example Peer Line", "Peer support for people who self-harm, and for their families."),
                Add("example-norwegian-line", "Example Samtalelinje", "Støtte og samtalene du trenger, for unge."),
                Add("example-hostile-line", "Example Hostile Line", "Quiet <b>bold</b> & <script>alert(1)</script> words for a quiet night."));
            await db.SaveChangesAsync();
        }));

        public async Task<HttpClient> Norwegian()
        {
            var client = Browser(acceptLanguage: "nb-NO");
            await _seeded.Value;
            return client;
        }
    }

    private readonly Site _site;

    public SearchIndexTests(Site site) => _site = site;

    private async Task<Page> Search(string q)
    {
        var page = await (await _site.Norwegian()).GetPage("/search?q=" + Uri.EscapeDataString(q));
        page.ShouldBe(200);
        return page;
    }

    private static List<string> Slugs(Page page) =>
        page.All("#listing-results ~ ul .card h3 a").Select(a => a.GetAttribute("href")!.Replace("/services/", "")).ToList();

    [Theory]
    [InlineData("theraphy", "therapy")]            // a letter too many
    [InlineData("therapies", "therapy")]           // English stem
    [InlineData("THERAPY", "therapy")]
    [InlineData("Samtalelinjen", "samtalelinje")]  // Norwegian stem of a name
    [InlineData("stotte", "støtte")]               // accents folded
    [InlineData("samtale", "samtalene")]           // Norwegian stem of a description word
    public async Task Search_FindsTheSameListings_ForVariantsOfAWord(string variant, string word)
    {
        var expected = Slugs(await Search(word));
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), Slugs(await Search(variant)).Order());
    }

    [Fact]
    public async Task Search_SelfHarm_FindsSelfHyphenHarm()
    {
        Assert.Contains("example-self-harm-line", Slugs(await Search("self harm")));
        Assert.Contains("example-self-harm-line", Slugs(await Search("selfharm peer")));
    }

    [Fact]
    public async Task Search_NameWeighsMoreThanDescription()
    {
        var slugs = Slugs(await Search("calm"));
        Assert.Equal(["example-calm-line", "example-general-line"], slugs.Where(s => s is "example-calm-line" or "example-general-line"));
    }

    [Fact]
    public async Task Search_Snippet_MarksTheMatch_AndEscapesEverythingElse()
    {
        var page = await Search("quiet");
        var card = page.All(".card").Single(c => c.QuerySelector("h3 a")!.GetAttribute("href") == "/services/example-hostile-line");
        var snippet = card.QuerySelector(".snippet")!;

        Assert.Equal(["quiet", "quiet"], snippet.QuerySelectorAll("mark").Select(m => m.TextContent.ToLowerInvariant()));
        Assert.Empty(snippet.QuerySelectorAll("b, script"));
        Assert.Contains("<b>bold</b> & <script>", snippet.TextContent);
        Assert.DoesNotContain("<script>alert", page.Body);
    }

    [Fact]
    public async Task Search_Articles_AreTheirOwnGroup_WithSnippets()
    {
        var page = await Search("dialectical");
        var articles = page.All("#article-results ~ ul li").ToList();
        Assert.Contains(articles, li => li.QuerySelector("a")!.GetAttribute("href") == "/articles/dbt");
        Assert.NotEmpty(articles.First().QuerySelectorAll(".snippet mark"));
        Assert.Empty(page.All("#listing-results ~ ul a[href^='/articles/']"));
    }

    [Fact]
    public async Task Search_WithNoResults_SuggestsWhereToLook()
    {
        var page = await Search("zzqqxxvv");
        var help = page.Required("#no-results");
        Assert.Contains(help.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/help/no/therapy");
        Assert.Contains(help.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/articles");
        Assert.Null((await Search("therapy")).Document.QuerySelector("#no-results"));
    }

    [Fact]
    public async Task Search_AfterAnEditorsSave_FindsTheNewListing()
    {
        await Search("therapy"); // the index is built
        Assert.DoesNotContain("example-new-line", Slugs(await Search("lighthouse")));

        await _site.WithDb(async db =>
        {
            db.Services.Add(new Service
            {
                Slug = "example-new-line", Name = "Example Lighthouse Line", Organization = db.Organizations.First(), Kind = HelpKind.Helplines,
                Status = ListingStatus.Published, Cost = CostKind.Free, ContactMethods = ContactMethods.Phone,
                Areas = [new ServiceArea { Scope = AreaScope.Country, CountryCode = "NO" }],
            });
            await db.SaveChangesAsync();
        });
        // What every saver calls after its transaction commits.
        await _site.Services.GetRequiredService<SiteCache>().InvalidateAsync();

        Assert.Contains("example-new-line", Slugs(await Search("lighthouse")));
    }

    [Fact]
    public async Task Search_AfterEdits_FindsAListingByItsNewWords_NotItsOld_AndNotOnceUnpublished()
    {
        await Search("therapy"); // the index is built
        await _site.WithDb(async db =>
        {
            var org = new Organization { Key = "example-harbour-trust", Name = "Example Harbour Trust" };
            db.Services.Add(new Service
            {
                Slug = "example-harbour-line", Name = "Example Harbour Line", Organization = org, Kind = HelpKind.Helplines,
                Description = "A lantern by the water.", Status = ListingStatus.Published, Cost = CostKind.Free, ContactMethods = ContactMethods.Phone,
                Areas = [new ServiceArea { Scope = AreaScope.Country, CountryCode = "NO" }],
                Texts = [new ServiceText { Language = "nb", Field = TextFields.Description, Text = "En fyrlykt ved sjøen." }],
            });
            await db.SaveChangesAsync();
        });
        await Saved();
        Assert.Contains("example-harbour-line", Slugs(await Search("lantern")));
        Assert.Contains("example-harbour-line", Slugs(await Search("fyrlykt"))); // its Norwegian description is searched too

        await Edit(s => s.Description = "A beacon on the hill.");
        Assert.Contains("example-harbour-line", Slugs(await Search("beacon")));
        Assert.DoesNotContain("example-harbour-line", Slugs(await Search("lantern")));

        // The organisation's name is part of every listing of it.
        await _site.WithDb(async db =>
        {
            (await db.Organizations.SingleAsync(o => o.Key == "example-harbour-trust")).Name = "Example Lighthousekeepers";
            await db.SaveChangesAsync();
        });
        await Saved();
        Assert.Contains("example-harbour-line", Slugs(await Search("lighthousekeepers")));

        await Edit(s => s.Status = ListingStatus.Draft);
        Assert.DoesNotContain("example-harbour-line", Slugs(await Search("beacon")));
        Assert.DoesNotContain("example-harbour-line", Slugs(await Search("lighthousekeepers")));
    }

    private async Task Edit(Action<Service> change)
    {
        await _site.WithDb(async db =>
        {
            change(await db.Services.SingleAsync(s => s.Slug == "example-harbour-line"));
            await db.SaveChangesAsync();
        });
        await Saved();
    }

    // What every saver calls after its transaction commits.
    private async Task Saved() => await _site.Services.GetRequiredService<SiteCache>().InvalidateAsync();

    [Fact]
    public async Task Index_OfThePublishedSeed_IsSmall()
    {
        await using var real = new HelpSiteFactory();
        (await real.Browser(acceptLanguage: "en-GB").GetPage("/search?q=samartians")).ShouldBe(200);
        var index = real.Services.GetRequiredService<SearchIndex>();

        Assert.InRange(index.Documents, 100, 10_000);
        Assert.InRange(index.SizeInBytes, 1, 5_000_000);
    }

    [Fact]
    public async Task Search_RealSeed_ForgivesATransposedName()
    {
        await using var real = new HelpSiteFactory();
        var page = await real.Browser(acceptLanguage: "en-GB").GetPage("/search?q=samartians");
        Assert.StartsWith("Samaritans", Page.Normalize(page.Required("#listing-results ~ ul .card h3 a").TextContent));
    }
}
