namespace HelpDirectory.Browser.Tests.Infrastructure;

/// <summary>
/// The pages every browser check runs over: accessibility, keyboard, small screens, weight and screenshots.
/// Adding a page to every check is one line here.
/// </summary>
public static class SitePages
{
    public sealed record SitePage(string Name, string Path, int Status = 200, string Locale = "en-GB");

    public static readonly IReadOnlyList<SitePage> All =
    [
        new("home", "/"),
        new("home-unknown-region", "/", Locale: "en"),
        new("country", "/help/no"),
        new("region", "/help/no/oslo"),
        new("kind-filtered", "/help/gb/helplines?free=true&contact=phone"),
        new("service", "/services/samaritans-gb-helpline"),
        new("service-with-hours", "/services/kors-pa-halsen-no"),
        new("article", "/articles/what-is-self-harm"),
        new("articles", "/articles"),
        new("region-picker", "/region"),
        new("privacy", "/privacy"),
        new("not-found", "/this-page-does-not-exist", Status: 404),
        new("search", "/search?q=helpline"),
        new("search-crisis", "/search?q=I%20want%20to%20die", Locale: "nb-NO"),
        new("search-nothing", "/search?q=zzqqxxvv"),
        new("print-kind", "/help/no/oslo/helplines/print"),
        new("print-place", "/help/gb/print"),
        new("report-form", "/services/samaritans-gb-helpline/report"),
        new("sign-in", "/admin/login"),
        new("open-data", "/api"),
        // The Norwegian site: the same kinds of page under /nb/, read by a Norwegian browser.
        new("home-nb", "/nb/", Locale: "nb-NO"),
        new("country-nb", "/nb/help/no", Locale: "nb-NO"),
        new("kind-filtered-nb", "/nb/help/no/oslo/helplines?free=true&contact=phone", Locale: "nb-NO"),
        new("service-with-hours-nb", "/nb/services/kors-pa-halsen-no", Locale: "nb-NO"),
        new("article-nb", "/nb/articles/what-is-self-harm", Locale: "nb-NO"),
        new("articles-nb", "/nb/articles", Locale: "nb-NO"),
        new("region-picker-nb", "/nb/region", Locale: "nb-NO"),
        new("privacy-nb", "/nb/privacy", Locale: "nb-NO"),
        new("not-found-nb", "/nb/denne-siden-finnes-ikke", Status: 404, Locale: "nb-NO"),
        new("search-nb", "/nb/search?q=hjelpetelefon", Locale: "nb-NO"),
        new("search-crisis-nb", "/nb/search?q=vil%20d%C3%B8", Locale: "nb-NO"),
        new("print-kind-nb", "/nb/help/no/oslo/helplines/print", Locale: "nb-NO"),
        new("report-form-nb", "/nb/services/kors-pa-halsen-no/report", Locale: "nb-NO"),
    ];

    public static SitePage Get(string name) => All.Single(p => p.Name == name);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var page in All) data.Add(page.Name);
        return data;
    }
}
