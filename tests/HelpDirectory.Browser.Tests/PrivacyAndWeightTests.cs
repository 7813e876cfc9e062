using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HelpDirectory.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HelpDirectory.Browser.Tests;

/// <summary>Each page is light, asks nothing of any other site, and stays inside its Content-Security-Policy.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PrivacyAndWeightTests(BrowserSite site)
{
    private const int MaxPageBytes = 30 * 1024;

    [Theory]
    [MemberData(nameof(SitePages.Names), MemberType = typeof(SitePages))]
    public async Task Page_IsLight_FirstParty_AndBreaksNoPolicy(string name)
    {
        var spec = SitePages.Get(name);
        await using var visitor = await site.VisitorAsync(Device.Phone.WithLocale(spec.Locale));
        var sizes = new List<Task<(string Url, string Type, int Bytes)>>();
        var failed = new List<string>();
        visitor.Page.Response += (_, response) =>
        {
            if (response.Request.ResourceType is "document" or "stylesheet" or "script")
                sizes.Add(Size(response));
            if (response.Status >= 400 && response.Request.ResourceType != "document") failed.Add($"{response.Status} {response.Url}");
        };

        await visitor.OpenAsync(spec.Path, spec.Status);
        await visitor.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var loaded = await Task.WhenAll(sizes);
        var total = loaded.Sum(r => r.Bytes);
        Assert.True(total <= MaxPageBytes,
            $"{spec.Path} weighs {total} bytes of HTML, CSS and JavaScript (limit {MaxPageBytes}):\n{string.Join("\n", loaded.Select(r => $"  {r.Bytes,7} {r.Type} {r.Url}"))}");
        Assert.Contains(loaded, r => r.Type == "stylesheet");
        Assert.Contains(loaded, r => r.Type == "script");
        Assert.All(visitor.Requests, url => Assert.StartsWith(site.Address.ToString(), url));
        Assert.Empty(failed);
        // A Content-Security-Policy violation (an inline style or script) is reported on the console as an error.
        var errors = visitor.ConsoleErrors.Where(e => spec.Status == 200 || !e.StartsWith("Failed to load resource", StringComparison.Ordinal));
        Assert.Empty(errors);
    }

    /// <summary>
    /// The same budget over every country page, its five kinds of help and every article, in both languages, read over HTTP (no browser
    /// needed to count bytes): a new article or a country with many regions must not quietly outgrow it.
    /// </summary>
    [Fact]
    public async Task EveryCountryKindAndArticlePage_StaysUnderTheBudget()
    {
        using var http = new HttpClient { BaseAddress = site.Address };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        var assets = new Dictionary<string, int>();
        var over = new List<string>();
        var checkedPages = 0;
        // Every page in English and in Norwegian: Norwegian words are longer, and the budget holds for both.
        foreach (var path in EveryPublicPage().SelectMany(p => new[] { p, "/nb" + p }))
        {
            var html = await http.GetStringAsync(path);
            var total = Encoding.UTF8.GetByteCount(html);
            foreach (Match asset in LinkedAssets().Matches(html))
            {
                var url = WebUtility.HtmlDecode(asset.Groups["url"].Value);
                if (!assets.TryGetValue(url, out var size)) assets[url] = size = (await http.GetByteArrayAsync(url)).Length;
                total += size;
            }
            checkedPages++;
            if (total > MaxPageBytes) over.Add($"{total,6} {path}");
        }

        Assert.True(checkedPages > 300, $"Only {checkedPages} pages were checked");
        Assert.Equal(2, assets.Count); // one stylesheet, one script, at one address whatever the language
        Assert.True(over.Count == 0, $"Over {MaxPageBytes} bytes of HTML, CSS and JavaScript:\n{string.Join("\n", over)}");
    }

    private static IEnumerable<string> EveryPublicPage()
    {
        string[] kinds = ["therapy", "online-therapy", "groups", "helplines", "forums"];
        yield return "/";
        yield return "/articles";
        yield return "/region";
        yield return "/about";
        yield return "/privacy";
        using var regions = JsonDocument.Parse(File.ReadAllText(Path.Combine(BrowserSite.RepoRoot(), "content", "data", "regions.json")));
        foreach (var country in regions.RootElement.GetProperty("countries").EnumerateArray())
        {
            var slug = country.GetProperty("slug").GetString();
            yield return $"/help/{slug}";
            foreach (var kind in kinds) yield return $"/help/{slug}/{kind}";
        }
        foreach (var article in Directory.EnumerateFiles(Path.Combine(BrowserSite.RepoRoot(), "content", "articles"), "*.md"))
            yield return "/articles/" + Path.GetFileNameWithoutExtension(article);
    }

    [GeneratedRegex(@"<(?:link rel=""stylesheet"" href|script src)=""(?<url>[^""]+)""")]
    private static partial Regex LinkedAssets();

    private static async Task<(string, string, int)> Size(IResponse response) =>
        (response.Url, response.Request.ResourceType, (await response.BodyAsync()).Length);
}
