using HelpDirectory.Web.Tests.Infrastructure;

namespace HelpDirectory.Web.Tests.Pages;

/// <summary>
/// Search, print, about, privacy, the report form, open data, the widget and the error pages under /nb/: Norwegian
/// words, a Norwegian heading and title, and none of the page's own English sentences. Each list of English sentences is
/// checked against the English page first, so a sentence that no longer exists cannot make the test pass.
/// </summary>
public sealed class NorwegianPagesTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    public sealed record Case(string Path, string? Region, string Heading, string Title, string[] English)
    {
        public override string ToString() => Path;
    }

    private static readonly string WantToDie = Uri.EscapeDataString("I want to die");

    public static TheoryData<Case> Cases() =>
    [
        new("/search", null, "Søk", "Søk", ["Search HelpDirectory's services", 
            "We do not keep or log what you search for.", "Search listings and articles"]),
        new("/search?q=zzqqxx", "NO-03", "Søk", "Søkeresultater", [
            "We do not keep or log what you search for.", "We found nothing for that search", "Try fewer words",
            "every kind of help in", "articles about self-harm and the help that exists", "If you need to talk now",
            "Services for", "No services match", "choose another region", "No articles match."]),
        new("/search?q=zzqqxx", null, "Søk", "Søkeresultater", [
            "to see the help where you live", "Choose your region"]),
        new("/search?q=therapy", "NO-03", "Søk", "Søkeresultater", ["Services for", "min read", "Articles ("]),
        new($"/search?q={WantToDie}", "NO-03", "Du trenger ikke stå i dette alene", "Søkeresultater", [
            "You do not have to face this alone", "If you are thinking about ending your life", "please talk to someone now",
            "In danger right now? Call", "Your search results are below."]),
        new($"/search?q={WantToDie}", null, "Du trenger ikke stå i dette alene", "Søkeresultater", [
            "You do not have to face this alone", "Call your local emergency number", "To find a free helpline where you are",
            "to see its crisis lines", "Your search results are below."]),
        new("/help/no/oslo/therapy/print", null, "", "liste til utskrift", [
            "Back to the list", "Use your browser's print command", "Printed on", "Listings change", "If you need help now",
            "In danger now", "that reach", "run by", "Phone:", "Website:", "Email:", "Address:", "Hours:", "Cost:",
            "Who it is for:", "Languages:", "list to print", "A printable list of"]),
        new("/help/no/print", null, "", "liste til utskrift", [
            "Help for self-harm", "services that reach", "If you need help now"]),
        new("/about", null, "Om HelpDirectory", "Om HelpDirectory", [
            "About HelpDirectory", "How HelpDirectory checks and chooses", "helps people affected by self-harm find help where they live", "How listings are checked",
            "comes from the organisation's own public information", "We only say", "Our first listings", "Editors work through them",
            "How we choose listings", "We list a service only when", "It is free, or it says clearly what it costs",
            "qualified staff or trained volunteers", "no regulator has acted against it", "It is not for profit",
            "It offers real help", "We write our decision", "What we are not", "We are not an emergency service",
            "Our articles are written in our own words"]),
        new("/privacy", null, "Personvern: hva dette nettstedet lagrer", "Personvern: hva dette nettstedet lagrer", [
            "Privacy: what this site stores", "What HelpDirectory stores: one cookie", "Almost nothing", "If you choose a region", "It holds only a region code",
            "remove the region", "short-lived security cookie", "There are no advertising or analytics cookies",
            "Our server notes which page", "It does not record your IP address", "Leaving quickly", "takes you to a weather page",
            "No button can erase your browser history", "use a private window"]),
        new("/services/example-norway-helpline/report", null, "Meld fra om en feil ved Example Norway Helpline",
            "Meld fra om en feil ved Example Norway Helpline", [
            "Report a problem with", "Tell us what is wrong", "You do not need an account", "This form is not monitored",
            "What is wrong?", "A phone number or link is wrong", "The service has closed or moved", "The opening hours are wrong",
            "Something else in the listing is wrong", "I am worried about this service", "Details (optional)",
            "Please do not include your name", "Leave this empty", "Send report"]),
        new("/services/example-norway-helpline/report?sent=1", null, "Meld fra om en feil ved Example Norway Helpline",
            "Meld fra om en feil ved Example Norway Helpline", [
            "Thank you. An editor will check the listing.", "We do not reply to reports", "Back to Example Norway Helpline"]),
        new("/api", "NO", "Åpne data", "Åpne data: oppføringene våre for andre nettsteder", [
            "Open data: our listings", "Other services, apps and sites may use", "The listings, as Open Referral",
            "Published listings are available read-only", "version and profile", "Filters:", "ISO codes, such as", "up to 100",
            "The full description is", "Beside the standard fields", "gives the crisis lines we show for a place",
            "A crisis-line widget for your site", "To show the crisis lines of a place", "Here it is for", "Crisis lines widget for",
            "title=\"Crisis lines\"", "Fair use", "Answers can be kept for five minutes", "We do not log who asks"]),
        new("/widget/no", null, "Trenger du noen å snakke med nå?", "Krisetelefoner i", [
            "Need to talk now?", "Help in", "In danger or hurt right now? Call", "Open 24/7", "More help in",
            "opens HelpDirectory in a new tab", "Crisis lines in"]),
        new("/no-such-page", null, "Vi fant ikke den siden", "Fant ikke siden", [
            "We could not find that page", "Page not found", "The page may have moved", "The help lines at the top of this page",
            "Go to the home page and find help near you", "Read about self-harm and what helps"]),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task NorwegianPage_IsInNorwegian_WithNoneOfItsEnglishSentences(Case c)
    {
        var en = await site.Browser(regionCookie: c.Region).GetPage(c.Path);
        var nb = await site.Browser(regionCookie: c.Region).GetPage("/nb" + c.Path);

        var status = c.Path == "/no-such-page" ? 404 : 200;
        en.ShouldBe(status);
        nb.ShouldBe(status);
        Assert.Equal("nb", nb.Required("html").GetAttribute("lang"));
        Assert.Equal("en", en.Required("html").GetAttribute("lang"));
        Assert.StartsWith(c.Heading, nb.Text("h1"));
        Assert.Contains(c.Title, nb.Text("title"));
        // The page's own words: its main part (the layout's banner and navigation are another test's), its title and
        // description; the widget, which has no layout, whole.
        var body = OwnWords(nb);
        var englishBody = OwnWords(en);
        foreach (var sentence in c.English)
        {
            Assert.True(englishBody.Contains(sentence, StringComparison.Ordinal), $"The English page {c.Path} no longer says \"{sentence}\":\n{en.Body}");
            Assert.False(body.Contains(sentence, StringComparison.Ordinal), $"/nb{c.Path} still says \"{sentence}\":\n{nb.Body}");
        }
    }

    private static string OwnWords(Page page) => System.Net.WebUtility.HtmlDecode(page.Document.QuerySelector("main") is { } main
        ? page.Required("head").OuterHtml + main.OuterHtml
        : page.Body);

    [Fact]
    public async Task About_InclusionCriteria_AreTheSameFiveInBothLanguages()
    {
        var en = await site.Browser().GetPage("/about");
        var nb = await site.Browser().GetPage("/nb/about");

        Assert.Equal("Slik velger vi oppføringer", nb.Text("#how-we-choose"));
        Assert.Equal(en.All("#inclusion-criteria li").Count, nb.All("#inclusion-criteria li").Count);
        Assert.Equal(5, nb.All("#inclusion-criteria li").Count);
        Assert.Equal("Den er gratis, eller den sier tydelig hva den koster.", Page.Normalize(nb.All("#inclusion-criteria li")[0].TextContent));
    }

    [Fact]
    public async Task Privacy_NamesTheOneCookie_AndLinksToTheNorwegianRegionPage()
    {
        var nb = await site.Browser().GetPage("/nb/privacy");

        var cookie = nb.Required("#privacy-cookie");
        Assert.Equal("region", cookie.QuerySelector("code")?.TextContent);
        Assert.Equal("/nb/region", cookie.QuerySelector("a")?.GetAttribute("href"));
        Assert.Contains("«nb»", cookie.TextContent);
    }

    [Fact]
    public async Task Search_NorwegianSuggestions_LinkToNorwegianPages()
    {
        var nb = await site.Browser(regionCookie: "NO-03").GetPage("/nb/search?q=zzqqxx");

        var links = nb.All("#no-results a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("/nb/help/no/oslo", links);
        Assert.Contains("/nb/articles", links);
        Assert.Contains("/nb/help/no/oslo/therapy", links);
        Assert.Equal("Tjenester for Oslo, Norway (0)", nb.Text("#listing-results").Replace("Norge", "Norway", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_OverlongTerm_IsExplainedInNorwegian()
    {
        var nb = await site.Browser().GetPage("/nb/search?q=" + new string('a', 500));

        nb.ShouldBe(200);
        Assert.Equal("Bruk færre enn 100 tegn.", nb.Text(".notice.error"));
    }

    [Fact]
    public async Task Search_InDanger_PutsThePlainNorwegianCrisisBlockFirst()
    {
        var nb = await site.Browser(regionCookie: "NO").GetPage("/nb/search?q=" + Uri.EscapeDataString("jeg vil dø"));

        var crisis = nb.Required("main > #crisis-now");
        Assert.Same(crisis, nb.Document.QuerySelector("main")!.FirstElementChild);
        Assert.Equal("Du trenger ikke stå i dette alene", nb.Text("#crisis-now-title"));
        Assert.StartsWith("Er du i fare akkurat nå? Ring", nb.Text("#crisis-now .emergency"));
        Assert.NotNull(crisis.QuerySelector(".emergency strong"));
    }

    [Fact]
    public async Task Print_WritesTheDateTheNorwegianWay_AndTheEnglishWay()
    {
        var nb = await site.Browser().GetPage("/nb/help/no/oslo/therapy/print");
        var en = await site.Browser().GetPage("/help/no/oslo/therapy/print");

        Assert.Equal("18. november 2026", nb.Text(".printed time"));
        Assert.Equal("2026-11-18", nb.Required(".printed time").GetAttribute("datetime"));
        Assert.StartsWith("Skrevet ut 18. november 2026. Oppføringene endrer seg: finn den oppdaterte listen på http://localhost/nb/help/no/oslo/therapy", nb.Text(".printed"));
        Assert.Equal("18 November 2026", en.Text(".printed time"));
        Assert.Equal("Hvis du trenger hjelp nå", nb.Text("#print-crisis"));
        Assert.Equal("2 tjenester som når Oslo, Norway", nb.Text("#print-listings").Replace("Norge", "Norway", StringComparison.Ordinal));
        var oslo = Page.Normalize(nb.All(".print-services > li").First().TextContent);
        Assert.Contains("Telefon: ring +44 20 7946 0001", oslo);
        Assert.Contains("Hvem den er for:", oslo);
    }

    [Fact]
    public async Task Report_InvalidInput_IsExplainedInNorwegian_WithNorwegianNumbers()
    {
        var visitor = site.Anonymous();
        var form = await visitor.GetPage("/nb/services/example-nordic-forum/report");
        var refused = await visitor.Submit(form, "form.admin-form", new Dictionary<string, string> { ["Input.Details"] = new string('x', 1001) });

        refused.ShouldBe(400);
        Assert.Equal("nb", refused.Required("html").GetAttribute("lang"));
        var errors = refused.Text(".notice.error");
        Assert.Contains("Velg hva som er feil.", errors);
        Assert.Contains("Skriv kortere enn 1\u00a0000 tegn.", refused.Required(".notice.error").TextContent);
        Assert.DoesNotContain("Choose what is wrong", refused.Body);
        Assert.DoesNotContain("1,000", refused.Body);
        Assert.Equal("Skriv kortere enn 1\u00a0000 tegn.", refused.Required(".field-error").TextContent.Trim());

        var sent = await visitor.Submit(refused, "form.admin-form", new Dictionary<string, string> { ["Input.Problem"] = "closed", ["Input.Details"] = "nb-report" });
        Assert.Equal(302, sent.Status);
        Assert.Equal("/nb/services/example-nordic-forum/report?sent=1", sent.Response.Headers.Location?.OriginalString);
        var thanks = await visitor.FollowRedirect(sent);
        Assert.StartsWith("Takk.", thanks.Text(".notice"));
    }

    [Fact]
    public async Task Report_InvalidInput_IsExplainedInEnglish_AsBefore()
    {
        var visitor = site.Anonymous();
        var form = await visitor.GetPage("/services/example-nordic-forum/report");
        var refused = await visitor.Submit(form, "form.admin-form", new Dictionary<string, string> { ["Input.Problem"] = "not-a-problem", ["Input.Details"] = new string('x', 1001) });

        refused.ShouldBe(400);
        Assert.Contains("Choose what is wrong.", refused.Text(".notice.error"));
        Assert.Contains("Please keep it under 1,000 characters.", refused.Text(".notice.error"));
        Assert.Equal(["A phone number or link is wrong", "The service has closed or moved", "The opening hours are wrong", "Something else in the listing is wrong", "I am worried about this service"],
            refused.All("fieldset label").Select(l => Page.Normalize(l.TextContent)));
    }

    [Fact]
    public async Task Report_WithoutAntiforgeryToken_IsRefusedInNorwegian()
    {
        var response = await site.Anonymous().PostAsync("/nb/services/example-nordic-forum/report",
            new FormUrlEncodedContent([new("Input.Problem", "closed")]));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("<h1>Det fikk vi ikke til</h1>", body);
        Assert.Contains("lang=\"nb\"", body);
    }

    [Theory]
    [InlineData(400, "Det fikk vi ikke til", "Forespørselen kunne ikke fullføres.")]
    [InlineData(403, "Du har ikke tilgang til denne siden", "Forespørselen kunne ikke fullføres.")]
    [InlineData(404, "Vi fant ikke den siden", "Siden kan ha flyttet")]
    [InlineData(429, "For mange forespørsler", "Vent et minutt, og prøv igjen.")]
    [InlineData(500, "Noe gikk galt hos oss", "Feilen er vår, ikke din.")]
    public async Task ErrorPages_AreInNorwegian(int code, string heading, string text)
    {
        var nb = await site.Browser().GetPage($"/nb/error/{code}");

        nb.ShouldBe(code);
        Assert.Equal("nb", nb.Required("html").GetAttribute("lang"));
        Assert.Equal(heading, nb.Text("main h1"));
        Assert.StartsWith(text, nb.Text("main p"));
        Assert.EndsWith("Hjelpetelefonene øverst på siden er der for deg nå.", nb.Text("main p"));
        Assert.Equal(["/nb/", "/nb/articles"], nb.All("main ul a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task OpenData_InNorwegian_OffersTheNorwegianWidget_AndTheSameApi()
    {
        var nb = await site.Browser(regionCookie: "NO").GetPage("/nb/api");

        nb.ShouldBe(200);
        Assert.Equal("/nb/widget/no", nb.Required("iframe.widget-example").GetAttribute("src"));
        Assert.Contains("http://localhost/nb/widget/no", nb.Text("main pre"));
        Assert.Contains(nb.All("main a"), a => a.GetAttribute("href") == "/api/openapi.json");
        Assert.Contains(nb.All("main a"), a => a.GetAttribute("href") == "/api/hsds/services");
        Assert.DoesNotContain(nb.All("main a"), a => a.GetAttribute("href")!.StartsWith("/nb/api", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Widget_InNorwegian_LinksToTheNorwegianPlacePage()
    {
        var nb = await site.Browser().GetPage("/nb/widget/gb/scotland");

        nb.ShouldBe(200);
        Assert.StartsWith("Trenger du noen å snakke med nå? Hjelp i ", nb.Text("h1"));
        Assert.Equal("http://localhost/nb/help/gb/scotland", nb.Required("#more-help").GetAttribute("href"));
        Assert.Equal("http://localhost/nb/help/gb/scotland", nb.Required("link[rel=canonical]").GetAttribute("href"));
        Assert.StartsWith("Mer hjelp i ", nb.Text("#more-help"));
        Assert.Empty(nb.All("script"));
    }
}
