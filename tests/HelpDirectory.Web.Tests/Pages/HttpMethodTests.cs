using System.Net.Http.Headers;
using HelpDirectory.Web.Tests.Infrastructure;

namespace HelpDirectory.Web.Tests.Pages;

/// <summary>Every public page, asked with every method: what a page does not handle is 405 with Allow, never 500.</summary>
public sealed class HttpMethodTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    private const string Read = "GET, HEAD";
    private const string ReadAndPost = "GET, HEAD, POST";

    // Each route with what it handles, and the status a bare GET and a bare POST (no antiforgery token, no fields) get.
    private static readonly (string Url, string Allow, int Get, int Post)[] Routes =
    [
        ("/", Read, 200, 405),
        ("/help/no", Read, 200, 405),
        ("/help/no/oslo", Read, 200, 405),
        ("/help/no/therapy", Read, 200, 405),
        ("/help/no/oslo/therapy", Read, 200, 405),
        ("/services/example-oslo-therapy", Read, 200, 405),
        ("/services/example-oslo-therapy/report", ReadAndPost, 200, 400),
        ("/articles", Read, 200, 405),
        ("/articles/what-is-self-harm", Read, 200, 405),
        ("/search", Read, 200, 405),
        ("/region", ReadAndPost, 200, 400),
        ("/about", Read, 200, 405),
        ("/privacy", Read, 200, 405),
        ("/error/404", ReadAndPost, 404, 404),
        ("/admin/login", ReadAndPost, 200, 400),
    ];

    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"];

    public static TheoryData<string, string> Requests()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in Routes)
        foreach (var method in Methods)
            data.Add(route.Url, method);
        return data;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task EveryRoute_EveryMethod_IsAnsweredAsThePageHandlesIt(string url, string method)
    {
        var route = Routes.Single(r => r.Url == url);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH") request.Content = new FormUrlEncodedContent([]);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-NO"));

        var response = await site.Browser().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        var handled = route.Allow.Split(", ").Contains(method);
        var expected = !handled ? 405 : method == "POST" ? route.Post : route.Get;
        Assert.True((int)response.StatusCode == expected, $"{method} {url}: expected {expected}, got {(int)response.StatusCode}\n{body}");
        if (handled) return;
        Assert.Equal(route.Allow, string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body);
        Assert.Contains("Norway", page.QuerySelector("#crisis h2")?.TextContent ?? body);
        Assert.Equal("We could not do that", page.QuerySelector("main h1")?.TextContent);
    }
}
