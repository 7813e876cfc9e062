using HelpDirectory.Web.Tests.Infrastructure;

namespace HelpDirectory.Web.Tests.Pages;

public sealed class SiteBehaviourTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/help/no/therapy")]
    [InlineData("/no-such-page")]
    [InlineData("/css/site.css")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string url)
    {
        var response = await site.Browser().GetAsync(url);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("geolocation=()", response.Headers.GetValues("Permissions-Policy").Single());
    }

    [Fact]
    public async Task Pages_LoadNothingFromOtherSites_AndHaveNoInlineScript()
    {
        foreach (var url in new[] { "/", "/help/no/oslo/therapy", "/services/example-oslo-therapy", "/articles", "/articles/what-is-self-harm", "/nope" })
        {
            var page = await site.Browser().GetPage(url);
            // The canonical and alternate links name this page's addresses (absolute, as search engines want them); they load nothing.
            foreach (var element in page.All("script:not([type='application/ld+json']), link:not([rel=canonical]):not([rel=alternate]), img, iframe"))
            {
                var src = element.GetAttribute("src") ?? element.GetAttribute("href") ?? "";
                Assert.StartsWith("/", src);
                Assert.False(src.StartsWith("//", StringComparison.Ordinal), $"{url}: {element.OuterHtml}");
            }
            // JSON-LD is data for search engines, never run (and CSP would refuse to run it).
            Assert.All(page.All("script:not([type='application/ld+json'])"), s => Assert.True(string.IsNullOrWhiteSpace(s.TextContent), $"{url} has inline script"));
            Assert.All(page.All("link[rel=canonical]"), l => Assert.StartsWith("http://localhost/", l.GetAttribute("href")));
        }
    }

    [Fact]
    public async Task Stylesheet_AndScript_HaveFingerprintedNames_AndAreCachedForAYear()
    {
        var home = await site.Browser().GetPage("/");
        var css = home.Required("link[rel=stylesheet]").GetAttribute("href")!;
        var js = home.Required("script[src]").GetAttribute("src")!;

        Assert.Matches(@"^/css/site\.[a-z0-9]{6,}\.css$", css);
        Assert.Matches(@"^/js/quick-exit\.[a-z0-9]{6,}\.js$", js);
        foreach (var url in new[] { css, js })
        {
            var response = await site.Browser().GetAsync(url);
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal("max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            Assert.NotNull(response.Headers.ETag);
        }
        // The plain name still answers, but must be revalidated: it changes whenever the file does.
        var plain = await site.Browser().GetAsync("/css/site.css");
        Assert.Equal("no-cache", plain.Headers.CacheControl?.ToString());
    }
}
