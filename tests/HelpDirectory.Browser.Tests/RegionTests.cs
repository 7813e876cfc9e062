using System.Text.Json;
using HelpDirectory.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HelpDirectory.Browser.Tests;

/// <summary>The crisis banner follows the browser's language, then the visitor's own choice.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RegionTests(BrowserSite site)
{
    [Theory]
    [InlineData("nb-NO", "NO", "Norway")]
    [InlineData("en-GB", "GB", "United Kingdom")]
    public async Task BrowserLanguage_ShowsThatCountrysCrisisLines(string locale, string country, string name)
    {
        await using var visitor = await site.VisitorAsync(Device.Phone.WithLocale(locale));
        await visitor.OpenAsync("/articles");

        var banner = visitor.Page.Locator("#crisis");
        Assert.Contains($"Help in {name}", await banner.Locator("h2").InnerTextAsync());
        var shown = await banner.Locator(".line-name").AllInnerTextsAsync();
        Assert.NotEmpty(shown);
        Assert.All(shown, line => Assert.Contains(line, PublishedLines(country)));
        Assert.True(await banner.Locator("a[href^='tel:'], a[href^='sms:']").First.IsVisibleAsync(), "One tap to call or text");
    }

    [Fact]
    public async Task PickedRegion_HoldsOnTheNextPage_OverTheBrowserLanguage()
    {
        await using var visitor = await site.VisitorAsync(Device.Desktop.WithLocale("en-GB"));
        await visitor.OpenAsync("/");
        Assert.Contains("United Kingdom", await visitor.Page.Locator("#crisis h2").InnerTextAsync());

        await visitor.Page.GetByLabel("Or choose another country").SelectOptionAsync(new SelectOptionValue { Label = "Norway" });
        await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Show help" }).ClickAsync();
        await visitor.ArrivesAt(site.Url("/help/no"));
        await visitor.Page.GetByRole(AriaRole.Link, new() { Name = "Articles", Exact = true }).ClickAsync();
        await visitor.ArrivesAt(site.Url("/articles"));

        var banner = await visitor.Page.Locator("#crisis").InnerTextAsync();
        Assert.Contains("Help in Norway", banner);
        Assert.Contains("as you chose", banner);
        Assert.All(await visitor.Page.Locator("#crisis .line-name").AllInnerTextsAsync(), line => Assert.Contains(line, PublishedLines("NO")));
    }

    private static IReadOnlyList<string> PublishedLines(string country)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(BrowserSite.RepoRoot(), "content", "data", "crisis-lines.json")));
        return json.RootElement.GetProperty("countries").EnumerateArray()
            .Single(c => c.GetProperty("code").GetString() == country)
            .GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("name").GetString()!).ToList();
    }
}
