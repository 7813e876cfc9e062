using HelpDirectory.Web.Tests.Infrastructure;

namespace HelpDirectory.Web.Tests.Pages;

public sealed class HostileInputTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    public const string Marker = "<script>alert(1)</script>";

    [Theory]
    [InlineData("/help/no/therapy?contact=%3Cscript%3Ealert(1)%3C/script%3E")]
    [InlineData("/help/no/therapy?audience=%3Cscript%3Ealert(1)%3C/script%3E&approach=%3Cscript%3Ealert(1)%3C/script%3E")]
    [InlineData("/help/no/therapy?language=%3Cscript%3Ealert(1)%3C/script%3E")]
    [InlineData("/help/no/therapy?free=%3Cscript%3Ealert(1)%3C/script%3E&open=yesterday")]
    [InlineData("/help/no/therapy?page=-1")]
    [InlineData("/help/no/therapy?page=99999999999999999999")]
    [InlineData("/help/no/therapy?page=%3Cscript%3Ealert(1)%3C/script%3E")]
    [InlineData("/help/no/therapy?page=500")]
    [InlineData("/help/no/therapy?contact=phone&contact=phone&contact=&contact=,,,")]
    [InlineData("/help/no/therapy?%00=%00&%ff=%fe")]
    [InlineData("/help/no/therapy?contact=%E2%80%AEphone")]
    [InlineData("/help/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/help/no/%3Cscript%3Ealert(1)%3C%2Fscript%3E/therapy")]
    [InlineData("/services/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/services/%2e%2e%2f%2e%2e%2fetc%2fpasswd")]
    [InlineData("/articles/..%2F..%2Fappsettings.json")]
    [InlineData("/region?country=%3Cscript%3Ealert(1)%3C/script%3E")]
    [InlineData("/error/999999")]
    [InlineData("/services/%20%20%20")]
    [InlineData("/services/%20%20%20/report")]
    [InlineData("/articles/%20%20%20")]
    [InlineData("/help/%20%20%20")]
    [InlineData("/help/no/%20%20%20/therapy")]
    [InlineData("/search?q=%20%20%20")]
    [InlineData("/region?country=%20%20%20")]
    [InlineData("/help/x%0A%5B00:00:00%20ERR%5D%20forged%20line%1B%5B2K")]
    public async Task HostileRequests_NeverFailAndNeverReflectMarkup(string url)
    {
        var page = await site.Browser(acceptLanguage: "en-NO").GetPage(url);

        Assert.True(page.Status < 500, $"{url} gave {page.Status}:\n{page.Body}");
        Assert.DoesNotContain(Marker, page.Body);
        Assert.Contains("Norway", page.Text("#crisis h2"));
    }

    [Theory]
    [InlineData("/services/%20%20%20")]
    [InlineData("/services/%20%20%20/report")]
    [InlineData("/articles/%20%20%20")]
    [InlineData("/services/%09")]
    [InlineData("/articles/%E2%80%AE")]
    public async Task BlankOrInvisibleSlug_IsNotFound(string url)
    {
        var page = await site.Browser(acceptLanguage: "en-NO").GetPage(url);

        page.ShouldBe(404);
        Assert.Equal("We could not find that page", page.Text("main h1"));
    }

    [Fact]
    public async Task BlankSlug_PostedToTheReportForm_WithAValidToken_IsNotFound()
    {
        var visitor = site.Anonymous();
        var form = await visitor.GetPage("/services/example-oslo-therapy/report");
        var token = form.Required("input[name=__RequestVerificationToken]").GetAttribute("value")!;

        var page = await visitor.PostForm("/services/%20%20%20/report", [new("__RequestVerificationToken", token), new("Input.Problem", "closed")]);

        page.ShouldBe(404);
    }

    [Fact]
    public async Task HostileHeaders_NeverFail()
    {
        var client = site.Browser();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", new string('a', 900) + ",en-GB;q=abc,nb;q=NaN,;;;");
        client.DefaultRequestHeaders.TryAddWithoutValidation("Cookie", "region=" + Uri.EscapeDataString(Marker));

        var page = await client.GetPage("/");

        page.ShouldBe(200);
        Assert.DoesNotContain(Marker, page.Body);
    }

    [Fact]
    public async Task MalformedFilter_IsIgnoredWithAClearMessage()
    {
        var page = await site.Browser().GetPage("/help/no/therapy?contact=carrier-pigeon&free=maybe");

        page.ShouldBe(200);
        var notices = page.All(".notice").Select(n => Page.Normalize(n.TextContent)).ToList();
        Assert.Contains("We ignored an unknown contact method: carrier-pigeon.", notices);
        Assert.Contains("We ignored the \"free\" filter because we did not understand its value.", notices);
        Assert.Equal(3, page.All(".card").Count); // the rest of the page is unfiltered
    }
}
