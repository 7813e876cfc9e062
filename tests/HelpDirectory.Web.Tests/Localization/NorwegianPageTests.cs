using AngleSharp.Dom;
using HelpDirectory.Web.Tests.Infrastructure;

namespace HelpDirectory.Web.Tests.Localization;

/// <summary>
/// No English on a Norwegian page: every public page is rendered under /nb/ and its visible text (and its title, meta
/// description and accessible names) is searched for the English text of every resource whose Norwegian differs. Text the
/// page marks lang="en" (a listing's own English description, say) is one exception, as screen readers need it to be; a
/// name the page marks translate="no" (a service's or a line's own name, "7 Cups online therapy") is the other.
/// </summary>
public sealed class NorwegianPageTests(HelpSiteFactory site) : IClassFixture<HelpSiteFactory>
{
    public static TheoryData<string> NorwegianPages() =>
    [
        "/nb/",
        "/nb/help/no",
        "/nb/help/no/oslo",
        "/nb/help/no/oslo/therapy?free=true&contact=phone",
        "/nb/help/no/helplines",
        "/nb/help/no/forums?open=now",
        "/nb/help/se/groups",
        "/nb/services/mental-helse-hjelpetelefonen-no",
        "/nb/region",
        "/nb/region?country=norway",
        "/nb/no-such-page",
        "/nb/help/no/therapy?contact=carrier-pigeon&page=x",
        "/nb/help/no/print",
        "/nb/help/no/oslo/helplines/print",
        "/nb/search?q=hjelpetelefon",
        "/nb/search?q=zzqqxxvv",
        "/nb/search?q=vil%20d%C3%B8",
        "/nb/about",
        "/nb/privacy",
        "/nb/services/mental-helse-hjelpetelefonen-no/report",
        "/nb/api",
        "/nb/widget/no",
    ];

    [Theory]
    [MemberData(nameof(NorwegianPages))]
    public async Task NorwegianPage_ShowsNoEnglishText(string url)
    {
        var page = await site.Browser(regionCookie: "NO-03").GetPage(url);

        Assert.Equal("nb", page.Required("html").GetAttribute("lang"));
        var text = VisibleText(page.Document);
        var leaks = EnglishTexts().Where(english => text.Contains(english, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, $"{url} shows English: {string.Join(" | ", leaks)}");
    }

    /// <summary>The other half: English that never went through a resource file (a word left in a view, data shown
    /// without its lang="en"). A run of text in which a word only English uses appears, outside lang="en", is a leak.</summary>
    [Theory]
    [MemberData(nameof(NorwegianPages))]
    public async Task NorwegianPage_HasNoUnmarkedEnglishSentence(string url)
    {
        var page = await site.Browser(regionCookie: "NO-03").GetPage(url);

        var sentences = TextRuns(page.Document.Body!)
            .Where(run => !run.Contains("://", StringComparison.Ordinal))
            .Where(run => run.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => EnglishOnlyWords.Contains(w.Trim('.', ',', ':', ';', '(', ')', '?', '!').ToLowerInvariant())) >= 1
                          && run.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3)
            .ToList();
        Assert.True(sentences.Count == 0, $"{url} shows English without lang=\"en\": {string.Join(" | ", sentences)}");
    }

    // Common English words that are not Norwegian words ("for", "to", "i" and "under" are both, so they are not here).
    private static readonly HashSet<string> EnglishOnlyWords =
        ["the", "and", "you", "your", "with", "this", "what", "how", "are", "of", "from", "about", "we", "our", "they", "their", "help", "people", "who", "can", "not", "call"];

    private static IEnumerable<string> TextRuns(INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IElement element)
            {
                if (element.GetAttribute("lang") is { } lang && !lang.StartsWith("nb", StringComparison.Ordinal)) continue;
                if (element.GetAttribute("translate") == "no") continue;
                if (element.LocalName is "script" or "style" or "template") continue;
                foreach (var run in TextRuns(element)) yield return run;
            }
            else if (child.NodeType == NodeType.Text && Page.Normalize(child.TextContent) is { Length: > 0 } text)
            {
                yield return text;
            }
        }
    }

    [Fact]
    public async Task Search_OnANorwegianPage_FindsTheNorwegianArticles_AndTheEnglishPageTheEnglishOnes()
    {
        var nb = await site.Browser().GetPage("/nb/search?q=selvskading");
        var en = await site.Browser().GetPage("/search?q=self-harm");

        var nbTitles = nb.All("[aria-labelledby=article-results] li a").Select(a => Page.Normalize(a.TextContent)).ToList();
        var enTitles = en.All("[aria-labelledby=article-results] li a").Select(a => Page.Normalize(a.TextContent)).ToList();
        Assert.Contains("Hva er selvskading?", nbTitles);
        Assert.DoesNotContain("What is self-harm?", nbTitles);
        Assert.Contains("What is self-harm?", enTitles);
        Assert.DoesNotContain("Hva er selvskading?", enTitles);
        Assert.All(nb.All("[aria-labelledby=article-results] li a"), a => Assert.StartsWith("/nb/articles/", a.GetAttribute("href")));
    }

    [Fact]
    public async Task NorwegianPages_WriteDatesAndHoursTheNorwegianWay()
    {
        var service = await site.Browser().GetPage("/nb/services/mental-helse-hjelpetelefonen-no");
        var place = await site.Browser().GetPage("/nb/help/no");

        Assert.Matches(@"\d{1,2}\. (januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember) \d{4}", service.Text("#how-checked"));
        Assert.Contains("Åpent hele døgnet", service.Text(".status"));
        Assert.Contains("redaksjonen i HelpDirectory", service.Text("#how-checked"));
        Assert.Contains("Hjelp ved selvskading i Norge", place.Text("h1"));
        Assert.Equal("Hjelp ved selvskading i Norge · HelpDirectory", place.Document.Title);
    }

    [Fact]
    public async Task NorwegianPage_NamesCountriesInNorwegian_FromIcu()
    {
        var home = await site.Browser().GetPage("/nb/");
        var options = home.All("#picker-country option").Select(o => Page.Normalize(o.TextContent)).ToList();

        Assert.Contains("Storbritannia", options);
        Assert.Contains("Tyskland", options);
        Assert.DoesNotContain("United Kingdom", options);
        // In Norwegian alphabetical order: Ø after Z.
        Assert.True(options.IndexOf("Østerrike") > options.IndexOf("Tyskland"));
    }

    [Fact]
    public async Task EnglishPage_IsUnchanged_ByTheNorwegianSite()
    {
        var place = await site.Browser().GetPage("/help/no");

        Assert.Equal("Help for self-harm in Norway", place.Text("h1"));
        Assert.Contains("Details taken from the line's website on 22 November 2026. Checked by HelpDirectory editors.", place.Text(".crisis-list"));
        Assert.Contains("United Kingdom", string.Join(",", place.All("#picker-country option, option").Select(o => o.TextContent)) + (await site.Browser().GetPage("/")).Body);
    }

    [Fact]
    public async Task RegionPicker_SetsRegionAndLanguage_InOneForm()
    {
        var response = await site.Browser().PostAsync("/region", new FormUrlEncodedContent([new("region", "NO-46"), new("language", "nb")]));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/nb/help/no/vestland", response.Headers.Location?.OriginalString);
        Assert.StartsWith("region=NO-46%7Cnb;", Assert.Single(response.Headers.GetValues("Set-Cookie")));
    }

    /// <summary>Every English resource text of some length whose Norwegian differs; short ones ("Video", "EMDR") are
    /// the same word in both languages or too common to search for.</summary>
    internal static IReadOnlyList<string> EnglishTexts() =>
        new[] { "SiteText", "PageText", "ArticleText" }.SelectMany(file =>
        {
            var english = TranslationTests.ReadResx(file, null);
            var norwegian = TranslationTests.ReadResx(file, "nb");
            return english.Where(e => norwegian.TryGetValue(e.Key, out var nb) && nb != e.Value)
                .SelectMany(e => e.Value.Split(["{0}", "{1}", "{2}"], StringSplitOptions.RemoveEmptyEntries))
                .Select(part => part.Trim(' ', '.', ',', ':', '(', ')'))
                .Where(part => part.Length >= 12 && part.Contains(' '));
        }).Distinct().ToList();

    internal static string VisibleText(IDocument document)
    {
        var parts = new List<string> { document.Title ?? "" };
        parts.AddRange(document.QuerySelectorAll("meta[name=description]").Select(m => m.GetAttribute("content") ?? ""));
        foreach (var element in document.Body!.QuerySelectorAll("[aria-label], [title], [placeholder], [alt]"))
        {
            if (element.Closest("[lang=en]") is not null) continue;
            parts.AddRange(new[] { "aria-label", "title", "placeholder", "alt" }.Select(a => element.GetAttribute(a) ?? ""));
        }
        Collect(document.Body!, parts);
        return Page.Normalize(string.Join(" \n ", parts));
    }

    private static void Collect(INode node, List<string> parts)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IElement element)
            {
                if (element.GetAttribute("lang") is { } lang && !lang.StartsWith("nb", StringComparison.Ordinal)) continue;
                if (element.GetAttribute("translate") == "no") continue;
                if (element.LocalName is "script" or "style" or "template") continue;
                Collect(element, parts);
            }
            else if (child.NodeType == NodeType.Text)
            {
                parts.Add(child.TextContent);
            }
        }
    }
}
