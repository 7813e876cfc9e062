using System.Text.RegularExpressions;
using HelpDirectory.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HelpDirectory.Browser.Tests;

/// <summary>Everything a visitor needs works with JavaScript turned off in the browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NoJavaScriptTests(BrowserSite site)
{
    private static readonly Device NoScript = Device.Phone.WithoutJavaScript().WithLocale("en");

    [Fact]
    public async Task HomePicker_ChoosesACountry_AndTheChoiceHolds()
    {
        await using var visitor = await site.VisitorAsync(NoScript);
        await visitor.OpenAsync("/");
        Assert.Contains("do not know which country", await Banner(visitor));

        await visitor.Page.GetByLabel("Choose your country").SelectOptionAsync(new SelectOptionValue { Label = "Norway" });
        await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Show help" }).ClickAsync();

        await visitor.ArrivesAt(site.Url("/help/no"));
        await visitor.Page.GetByRole(AriaRole.Link, new() { Name = "Articles", Exact = true }).ClickAsync();
        await visitor.ArrivesAt(site.Url("/articles"));
        Assert.Contains("Help in Norway", await Banner(visitor));
        Assert.Contains("as you chose", await Banner(visitor));
    }

    [Fact]
    public async Task LanguageLink_AndTheRegionForm_ChooseTheLanguage_AndTheChoiceIsKept()
    {
        await using var visitor = await site.VisitorAsync(NoScript);
        await visitor.OpenAsync("/help/no");

        await visitor.Page.GetByRole(AriaRole.Link, new() { Name = "Norsk (bokmål)" }).ClickAsync();
        await visitor.ArrivesAt(site.Url("/nb/help/no"));
        Assert.Equal("nb", await visitor.Page.GetAttributeAsync("html", "lang"));
        await visitor.OpenAsync("/");
        await visitor.ArrivesAt(site.Url("/nb/"));

        await visitor.OpenAsync("/nb/region");
        await visitor.Page.Locator("#picker-country").SelectOptionAsync(new SelectOptionValue { Label = "Storbritannia" });
        await visitor.Page.Locator("#picker-language").SelectOptionAsync("en");
        await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Vis hjelp" }).First.ClickAsync();
        await visitor.ArrivesAt(site.Url("/help/gb"));
        Assert.Equal("en", await visitor.Page.GetAttributeAsync("html", "lang"));
    }

    [Fact]
    public async Task RegionPage_ChoosesACountryThenAPartOfIt()
    {
        await using var visitor = await site.VisitorAsync(NoScript);
        await visitor.OpenAsync("/region");

        await visitor.Page.GetByLabel("Country").SelectOptionAsync(new SelectOptionValue { Label = "United Kingdom" });
        await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Show help" }).ClickAsync();
        await visitor.ArrivesAt(site.Url("/help/gb"));

        await visitor.OpenAsync("/region");
        await visitor.Page.GetByLabel("Part of United Kingdom").SelectOptionAsync(new SelectOptionValue { Label = "Scotland" });
        await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Show help" }).Nth(1).ClickAsync();
        await visitor.ArrivesAt(site.Url("/help/gb/scotland"));

        await visitor.OpenAsync("/");
        Assert.Contains("Scotland", await Banner(visitor));
        Assert.Contains("as you chose", await Banner(visitor));
    }

    [Fact]
    public async Task FilterForm_NarrowsTheListings()
    {
        await using var visitor = await site.VisitorAsync(NoScript.WithLocale("en-GB"));
        await visitor.OpenAsync("/help/gb/helplines");
        var before = await ResultCount(visitor);

        await visitor.Page.GetByText("Filter these services").ClickAsync(); // <details> opens without script
        await visitor.Page.GetByLabel("Text message").CheckAsync();
        await visitor.Page.GetByLabel("Free only").CheckAsync();
        await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Show services" }).ClickAsync();

        await visitor.ArrivesAt(new Regex(@"/help/gb/helplines\?(?=.*contact=text)(?=.*free=true)"));
        var after = await ResultCount(visitor);
        Assert.Contains("match your filters", after);
        Assert.NotEqual(before, after);
        Assert.True(await visitor.Page.GetByLabel("Text message").IsCheckedAsync(), "The form keeps the filters it was sent with");
        foreach (var card in await visitor.Page.Locator(".card").AllAsync())
            Assert.Contains("Text", await card.Locator(".card-contact").InnerTextAsync());
    }

    [Fact]
    public async Task Pagination_MovesThroughThePages()
    {
        var path = await site.PlaceWithManyHelplinesAsync();
        await using var visitor = await site.VisitorAsync(NoScript);
        await visitor.OpenAsync(path);
        var pages = visitor.Page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of results" });
        Assert.Contains("Page 1 of 2", await pages.InnerTextAsync());
        var firstPage = await visitor.Page.Locator(".card h3").AllInnerTextsAsync();

        await pages.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await visitor.ArrivesAt(new Regex(@"[?&]page=2(&|$)"));
        Assert.Contains("Page 2 of 2", await pages.InnerTextAsync());
        var secondPage = await visitor.Page.Locator(".card h3").AllInnerTextsAsync();
        Assert.Empty(firstPage.Intersect(secondPage));

        await pages.GetByRole(AriaRole.Link, new() { Name = "Previous page" }).ClickAsync();
        await visitor.ArrivesAt(site.Url(path));
        Assert.Equal(firstPage, await visitor.Page.Locator(".card h3").AllInnerTextsAsync());
    }

    [Fact]
    public async Task QuickExit_IsAPlainLink()
    {
        await using var visitor = await site.VisitorAsync(NoScript);
        await visitor.OpenAsync("/articles");

        await visitor.Page.GetByRole(AriaRole.Link, new() { Name = "Exit this page" }).ClickAsync();

        await visitor.ArrivesAt(site.Neutral.ExitUrl);
    }

    private static Task<string> Banner(Visitor visitor) => visitor.Page.Locator("#crisis").InnerTextAsync();

    private static Task<string> ResultCount(Visitor visitor) => visitor.Page.Locator(".result-count").InnerTextAsync();
}
