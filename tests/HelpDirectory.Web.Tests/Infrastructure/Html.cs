using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace HelpDirectory.Web.Tests.Infrastructure;

public sealed record Page(HttpResponseMessage Response, string Body, IDocument Document)
{
    public int Status => (int)Response.StatusCode;

    public IElement Required(string selector) =>
        Document.QuerySelector(selector) ?? throw new Xunit.Sdk.XunitException($"No element matches '{selector}' in:\n{Body}");

    public IReadOnlyList<IElement> All(string selector) => Document.QuerySelectorAll(selector).ToList();

    public string Text(string selector) => Normalize(Required(selector).TextContent);

    public static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<Page> GetPage(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        return new Page(response, body, await Parser.ParseDocumentAsync(body));
    }

    public static async Task<Page> PostForm(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        var body = await response.Content.ReadAsStringAsync();
        return new Page(response, body, await Parser.ParseDocumentAsync(body));
    }

    public static void ShouldBe(this Page page, int status)
    {
        if (page.Status != status) throw new Xunit.Sdk.XunitException($"Expected {status}, got {page.Status} for {page.Response.RequestMessage?.RequestUri}:\n{page.Body}");
    }
}
