using HelpDirectory.Web.Tests.Infrastructure;

namespace HelpDirectory.Web.Tests.Pages;

/// <summary>The region picker (/region): the one form that sets the visitor's only cookie.</summary>
public sealed class RegionPageTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    [Fact]
    public async Task PostRegion_SetsTheOnlyCookie_AndRedirectsToThePlace()
    {
        var client = site.Browser();
        var response = await client.PostAsync("/region", new FormUrlEncodedContent([new("region", "NO-03")]));

        Assert.Equal(302, (int)response.StatusCode);
        Assert.Equal("/help/no/oslo", response.Headers.Location?.ToString());
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("region=NO-03;", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("")]
    public async Task PostRegion_UnknownRegion_IsAClearMessageAndNoCookie(string value)
    {
        var response = await site.Browser().PostForm("/region", [new("region", value)]);

        response.ShouldBe(400);
        Assert.Equal("Please choose a country from the list.", response.Text(".notice.error"));
        Assert.False(response.Response.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("<script>alert(1)", response.Body);
    }

    [Fact]
    public async Task PostRegion_FromAnotherSite_IsRefused()
    {
        var client = site.Browser();
        client.DefaultRequestHeaders.Add("Origin", "https://evil.example");

        var response = await client.PostAsync("/region", new FormUrlEncodedContent([new("region", "NO")]));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }
}
