using System.Text.Json;
using HelpDirectory.Web.Regions;
using HelpDirectory.Web.Tests.Infrastructure;

namespace HelpDirectory.Web.Tests.Pages;

/// <summary>A search that shows danger puts the crisis lines first, and still searches.</summary>
public sealed class SearchCrisisTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    private static readonly string File = Path.Combine(RepoPaths.Content, "data", "crisis-queries.json");

    public static TheoryData<string, string> Entries()
    {
        var data = new TheoryData<string, string>();
        using var json = JsonDocument.Parse(System.IO.File.ReadAllText(File));
        foreach (var language in json.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array))
            foreach (var entry in language.Value.EnumerateArray()) data.Add(language.Name, entry.GetString()!);
        return data;
    }

    [Fact]
    public void TheList_HasBothLanguages()
    {
        var languages = Entries().Select(row => (string)row[0]).Distinct().ToList();
        Assert.Equal(["en", "nb"], languages);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task Search_ForEachEntry_PutsTheRegionsCrisisLinesFirst_AndStillSearches(string language, string entry)
    {
        var client = site.Browser(acceptLanguage: "nb-NO");
        var place = await client.GetPage("/help/no");
        // Inside a longer search, in capitals, with punctuation around it.
        var page = await client.GetPage("/search?q=" + Uri.EscapeDataString($"Help, {entry.ToUpperInvariant()}!"));
        page.ShouldBe(200);

        var crisis = page.Required("main > #crisis-now");
        Assert.Same(crisis, page.Document.QuerySelector("main")!.FirstElementChild);
        var lines = place.All(".lines-full h3").Select(h => Page.Normalize(h.TextContent)).ToList();
        Assert.NotEmpty(lines);
        Assert.Equal(lines, crisis.QuerySelectorAll(".lines-full h2").Select(h => Page.Normalize(h.TextContent)));
        Assert.Contains("tel:", crisis.InnerHtml);
        Assert.NotNull(page.Document.QuerySelector("#listing-results")); // the search itself still ran
        Assert.Contains(language, new[] { "en", "nb" });
    }

    [Theory]
    [InlineData("therapy")]
    [InlineData("skills groups")]             // "kill" inside a word is not "kill myself"
    [InlineData("dieting support")]
    [InlineData("selvmordsforebygging kurs")] // a word that only starts like an entry
    public async Task Search_WithoutDanger_ShowsNoCrisisPanel(string q)
    {
        var page = await site.Browser(acceptLanguage: "nb-NO").GetPage("/search?q=" + Uri.EscapeDataString(q));
        page.ShouldBe(200);
        Assert.Null(page.Document.QuerySelector("#crisis-now"));
    }

    [Fact]
    public async Task Search_InDanger_WithNoKnownRegion_OffersInternationalHelp_AndTheRegionPicker()
    {
        var page = await site.Browser().GetPage("/search?q=" + Uri.EscapeDataString("I want to die"));

        var crisis = page.Required("#crisis-now");
        Assert.Contains("Call your local emergency number", crisis.TextContent);
        Assert.NotEmpty(crisis.QuerySelectorAll(".lines a.web"));
        Assert.NotNull(crisis.QuerySelector("a[href='/region']"));
    }

    [Fact]
    public async Task Search_InDanger_IsNotLogged()
    {
        await site.Browser(acceptLanguage: "nb-NO").GetPage("/search?q=" + Uri.EscapeDataString("ta livet mitt"));
        await site.Logs.WaitForRequest("GET", "/search", 200);
        Assert.DoesNotContain("livet", site.Logs.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("I don't want to live", true)]
    [InlineData("I don’t want to live anymore", true)]
    [InlineData("Jeg VIL DØ", true)]
    [InlineData("jeg har lyst til å dø", true)]
    [InlineData("suicide-prevention", true)]
    [InlineData("vil dø?", true)]
    [InlineData("vil døgnåpent", false)]
    [InlineData("killjoy myself", false)]
    [InlineData("", false)]
    public void Matches_WholeWords_IgnoringCaseAndPunctuation(string query, bool expected) =>
        Assert.Equal(expected, CrisisQueries.Load(File).Matches(query));
}
