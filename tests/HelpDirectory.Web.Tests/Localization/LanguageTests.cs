using System.Net;
using HelpDirectory.Web.Tests.Infrastructure;

namespace HelpDirectory.Web.Tests.Localization;

/// <summary>How a request's language is chosen, kept and named: the Norwegian site under /nb/, English where it was.</summary>
public sealed class LanguageTests(HelpSiteFactory site) : IClassFixture<HelpSiteFactory>
{
    [Theory]
    [InlineData("nb-NO,nb;q=0.9,en;q=0.5")]
    [InlineData("nn")]
    [InlineData("no")]
    [InlineData("en;q=0.4, nb-NO;q=0.8")]
    public async Task Home_BrowserPrefersNorwegian_IsSentToTheNorwegianHome(string acceptLanguage)
    {
        var response = await site.Browser(acceptLanguage: acceptLanguage).GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/nb/", response.Headers.Location?.OriginalString);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("en-GB,en;q=0.9,nb;q=0.8")]
    [InlineData("de-DE")]
    [InlineData("x;;;q=abc,,,*")]
    public async Task Home_BrowserPrefersNoNorwegian_StaysInEnglish(string? acceptLanguage)
    {
        var page = await site.Browser(acceptLanguage: acceptLanguage).GetPage("/");

        page.ShouldBe(200);
        Assert.Equal("en", page.Required("html").GetAttribute("lang"));
    }

    [Fact]
    public async Task Home_EnglishSpeakerInOslo_KeepsEnglish()
    {
        // The region (from the cookie or the browser's region subtag) never decides the language.
        var fromCookie = await site.Browser(acceptLanguage: "en-GB", regionCookie: "NO-03").GetPage("/");
        var fromRegionSubtag = await site.Browser(acceptLanguage: "en-NO").GetPage("/");

        fromCookie.ShouldBe(200);
        fromRegionSubtag.ShouldBe(200);
        Assert.Equal("en", fromCookie.Required("html").GetAttribute("lang"));
        Assert.Contains("Oslo", fromCookie.Text("#crisis h2"));
    }

    [Fact]
    public async Task Home_ChosenLanguage_WinsOverTheBrowser()
    {
        var chose = await site.Browser(acceptLanguage: "nb-NO", regionCookie: "NO-03|en").GetPage("/");
        var choseNorwegian = await site.Browser(acceptLanguage: "en-GB", regionCookie: "|nb").GetAsync("/");

        chose.ShouldBe(200);
        Assert.Equal("en", chose.Required("html").GetAttribute("lang"));
        Assert.Equal(HttpStatusCode.Redirect, choseNorwegian.StatusCode);
        Assert.Equal("/nb/", choseNorwegian.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task LanguageLink_KeepsTheChoiceBesideTheRegion_AndReturnsToThePageInThatLanguage()
    {
        var response = await site.Browser(regionCookie: "NO-46").GetAsync("/language/nb?return=%2Fhelp%2Fno%2Fvestland%3Ffree%3Dtrue");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/nb/help/no/vestland?free=true", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("region=NO-46%7Cnb;", cookie);
        Assert.Contains("httponly", cookie);
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/s\u00f8k")]           // decoded non-ASCII could not be written in a Location header
    [InlineData("/a b")]
    [InlineData("/line\r\nSet-Cookie: x=1")]
    public async Task LanguageLink_ReturnElsewhere_GoesHomeInstead(string returnTo)
    {
        var response = await site.Browser().GetAsync($"/language/en?return={Uri.EscapeDataString(returnTo)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task LanguageLink_OnAPageWhoseAddressIsNotAscii_LeadsToThatAddressInTheOtherLanguage()
    {
        var missing = await site.Browser().GetPage("/s%C3%B8k?q=vil%20d%C3%B8");
        missing.ShouldBe(404);
        var link = missing.Required("a[hreflang=nb]").GetAttribute("href")!;

        var response = await site.Browser().GetAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/nb/s%C3%B8k?q=vil%20d%C3%B8", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task LanguageLink_UnknownLanguage_IsNotFound()
    {
        var page = await site.Browser().GetPage("/language/xx?return=/");

        page.ShouldBe(404);
        Assert.False(page.Response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("/", "/nb/")]
    [InlineData("/help/no/oslo/therapy?free=true", "/nb/help/no/oslo/therapy?free=true")]
    [InlineData("/articles/what-is-self-harm", "/nb/articles/what-is-self-harm")]
    [InlineData("/search?q=hjelp", "/nb/search?q=hjelp")]
    [InlineData("/services/mental-helse-hjelpetelefonen-no", "/nb/services/mental-helse-hjelpetelefonen-no")]
    public async Task EveryPublicPage_HasANorwegianVersion_AndEachNamesTheOther(string english, string norwegian)
    {
        var en = await site.Browser().GetPage(english);
        var nb = await site.Browser().GetPage(norwegian);

        en.ShouldBe(200);
        nb.ShouldBe(200);
        Assert.Equal("en", en.Required("html").GetAttribute("lang"));
        Assert.Equal("nb", nb.Required("html").GetAttribute("lang"));
        var path = english.Split('?')[0];
        foreach (var page in new[] { en, nb })
        {
            Assert.EndsWith(path, page.Required("link[rel=alternate][hreflang=en]").GetAttribute("href"));
            Assert.EndsWith("/nb" + (path == "/" ? "/" : path), page.Required("link[rel=alternate][hreflang=nb]").GetAttribute("href"));
            Assert.EndsWith(path, page.Required("link[rel=alternate][hreflang=x-default]").GetAttribute("href"));
        }
        var toNorwegian = en.Required("a[hreflang=nb]");
        Assert.Equal("Norsk (bokmål)", toNorwegian.TextContent.Trim());
        Assert.Equal("nb", toNorwegian.GetAttribute("lang"));
        Assert.Equal($"/language/nb?return={Uri.EscapeDataString(english)}", toNorwegian.GetAttribute("href"));
        var toEnglish = nb.Required("a[hreflang=en]");
        Assert.Equal("English", toEnglish.TextContent.Trim());
        Assert.Equal($"/language/en?return={Uri.EscapeDataString(english)}", toEnglish.GetAttribute("href"));
    }

    [Fact]
    public async Task NorwegianPage_LinksStayInNorwegian()
    {
        var nb = await site.Browser().GetPage("/nb/help/no");

        var local = nb.All("a[href^='/']").Where(a => a.GetAttribute("hreflang") is null).Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(local);
        Assert.All(local, href => Assert.StartsWith("/nb/", href));
        Assert.All(nb.All("form[action^='/']"), f => Assert.StartsWith("/nb/", f.GetAttribute("action")));
    }

    [Theory]
    [InlineData("/nb/admin")]
    [InlineData("/nb/api/hsds/")]
    [InlineData("/nb/no-such-page")]
    public async Task NorwegianAddress_NotInNorwegian_IsANorwegianNotFoundPage(string path)
    {
        var page = await site.Browser().GetPage(path);

        page.ShouldBe(404);
        Assert.Equal("nb", page.Required("html").GetAttribute("lang"));
        Assert.NotNull(page.Document.QuerySelector("#crisis"));
    }

    [Fact]
    public async Task Cache_NeverServesOneLanguageForTheOther()
    {
        for (var i = 0; i < 2; i++)
        {
            var en = await site.Browser(acceptLanguage: "en-NO").GetPage("/help/no");
            var nb = await site.Browser(acceptLanguage: "en-NO").GetPage("/nb/help/no");
            Assert.Equal("en", en.Required("html").GetAttribute("lang"));
            Assert.Equal("nb", nb.Required("html").GetAttribute("lang"));
            Assert.Equal("Hopp til innholdet", nb.Text(".skip-link"));
            Assert.Equal("Skip to content", en.Text(".skip-link"));
        }
    }
}
