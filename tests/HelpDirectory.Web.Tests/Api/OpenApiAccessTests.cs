using System.Net;
using System.Text.Json.Nodes;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace HelpDirectory.Web.Tests.Api;

/// <summary>What makes the API usable by other sites: CORS for /api only, ETags, a per-client limit, a description.</summary>
public sealed class OpenApiAccessTests
{
    [Fact]
    public async Task Get_Api_FromAnotherOrigin_IsAllowed_ButPagesAreNot()
    {
        await using var site = new FixtureSiteFactory();
        var client = site.Browser();
        client.DefaultRequestHeaders.Add("Origin", "https://other.example");

        var api = await client.GetAsync("/api/hsds/services");
        var page = await client.GetAsync("/");

        Assert.Equal("*", api.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Preflight_ForApi_AllowsGetOnly()
    {
        await using var site = new FixtureSiteFactory();
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/hsds/services");
        request.Headers.Add("Origin", "https://other.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");

        var response = await site.Browser().SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("GET", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
    }

    [Theory]
    [InlineData("/api/hsds/services?per_page=5")]
    [InlineData("/api/crisis-lines/no")]
    public async Task Get_Again_WithTheETag_Is304WithoutABody(string url)
    {
        await using var site = new FixtureSiteFactory();
        var client = site.Browser();

        var first = await client.GetAsync(url);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Equal("public, max-age=300", first.Headers.CacheControl?.ToString());

        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        // A different answer has a different tag.
        var other = await client.GetAsync(url.Contains("crisis", StringComparison.Ordinal) ? "/api/crisis-lines/gb" : "/api/hsds/services?per_page=4");
        Assert.NotEqual(etag, other.Headers.ETag);
    }

    [Fact]
    public async Task Get_TooOften_Is429WithRetryAfter_AndOtherPagesStillAnswer()
    {
        await using var site = new StrictApiSiteFactory();
        var client = site.Browser();
        for (var i = 0; i < StrictApiSiteFactory.Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/hsds/taxonomies")).StatusCode);
        }

        var refused = await client.GetAsync("/api/hsds/taxonomies");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Get_Api_LogsNeitherTheQueryNorTheCaller()
    {
        await using var site = new FixtureSiteFactory();
        var client = site.Browser();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");
        client.DefaultRequestHeaders.Add("User-Agent", "CallerAgent/9.9");

        await client.GetAsync("/api/hsds/services?search=privatesearchterm");
        await site.Logs.WaitForRequest("GET", "/api/hsds/services", 200);

        Assert.DoesNotContain("privatesearchterm", site.Logs.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("203.0.113.77", site.Logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("CallerAgent", site.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_OpenApiDescription_ListsTheApi_AndNoPages()
    {
        await using var site = new FixtureSiteFactory();
        var document = await site.Browser().GetJson("/api/openapi.json");

        Assert.StartsWith("3.", (string?)document["openapi"]);
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/hsds/services", paths);
        Assert.Contains("/api/hsds/services/{id}", paths);
        Assert.Contains("/api/crisis-lines/{country}/{region}", paths);
        Assert.DoesNotContain(paths, p => !p.StartsWith("/api/", StringComparison.Ordinal));
    }
}

/// <summary>The fixture site with a small API allowance, to reach it.</summary>
public sealed class StrictApiSiteFactory : FixtureSiteFactory
{
    public const int Limit = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Api:RequestsPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
