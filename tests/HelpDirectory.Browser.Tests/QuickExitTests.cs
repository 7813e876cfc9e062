using System.Text.Json;
using HelpDirectory.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HelpDirectory.Browser.Tests;

/// <summary>"Exit this page", after the GOV.UK Design System's component of the same name.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuickExitTests(BrowserSite site)
{
    private const string Blanked = """
        () => ({
          shown: getComputedStyle(document.body).display !== 'none' && getComputedStyle(document.body).visibility !== 'hidden',
          centre: document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.tagName ?? null,
          title: document.title,
        })
        """;

    [Fact]
    public async Task Click_ReplacesOurPageWithTheNeutralSite_SoBackSkipsIt()
    {
        await using var visitor = await site.VisitorAsync();
        await ArriveFromASearch(visitor, "/help/no");
        var historyLength = await visitor.EvalAsync<int>("() => history.length");

        await ExitLink(visitor).ClickAsync();
        await visitor.ArrivesAt(site.Neutral.ExitUrl);

        Assert.Equal(NeutralSite.Title, await visitor.Page.TitleAsync());
        Assert.Equal(historyLength, await visitor.EvalAsync<int>("() => history.length"));
        await GoBack(visitor);
        Assert.StartsWith(new Uri(site.Neutral.Address, "/search").ToString(), visitor.Page.Url);
    }

    [Fact]
    public async Task Click_BlanksOurPageAtOnce_WhileTheNeutralSiteLoads()
    {
        await using var visitor = await site.VisitorAsync();
        await visitor.OpenAsync("/help/no");
        var firstFrameAfterExit = await WatchFirstFrameAfterExit(visitor);

        using (site.Neutral.HoldExitPage())
        {
            await ClickWithoutWaiting(visitor);
            var page = await firstFrameAfterExit();

            Assert.False(page.Shown, "The page should be hidden the moment the exit is pressed");
            Assert.Equal("HTML", page.Centre); // nothing of ours is left to see
            Assert.DoesNotContain("self-harm", page.Title, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(site.Url("/help/no"), visitor.Page.Url); // still ours: the neutral page has not answered yet
        }

        await visitor.ArrivesAt(site.Neutral.ExitUrl);
    }

    [Fact]
    public async Task ReturnToAPageLeftMidExit_FromTheBackForwardCache_ShowsItAgain()
    {
        await using var visitor = await site.VisitorAsync();
        await visitor.OpenAsync("/help/no");
        var title = await visitor.Page.TitleAsync();
        await visitor.EvalAsync<int>("() => window.stillThisDocument = 1");
        var firstFrameAfterExit = await WatchFirstFrameAfterExit(visitor);

        using (site.Neutral.HoldExitPage())
        {
            await ClickWithoutWaiting(visitor);
            Assert.False((await firstFrameAfterExit()).Shown);
            // Before the neutral page answers, the visitor goes somewhere else (a bookmark, a typed address)...
            await visitor.OpenAsync("/articles");
        }
        // ...and later comes back.
        await GoBack(visitor);

        Assert.Equal(site.Url("/help/no"), visitor.Page.Url);
        Assert.Equal(1, await visitor.EvalAsync<int>("() => window.stillThisDocument")); // restored from the cache, not reloaded
        var page = await visitor.EvalJsonAsync<PageState>(Blanked);
        Assert.True(page.Shown, "A page restored from the back/forward cache must not stay blank");
        Assert.Equal(title, page.Title);
    }

    [Fact]
    public async Task ShiftPressedThreeTimes_LeavesLikeTheClick()
    {
        await using var visitor = await site.VisitorAsync();
        await ArriveFromASearch(visitor, "/articles/what-is-self-harm");

        await visitor.Page.Keyboard.PressAsync("Shift");
        Assert.Equal("Shift, press 2 more times to exit.", await visitor.Page.Locator("#quick-exit-status").TextContentAsync());
        await visitor.Page.Keyboard.PressAsync("Shift");
        await visitor.Page.Keyboard.PressAsync("Shift");
        await visitor.ArrivesAt(site.Neutral.ExitUrl);

        await GoBack(visitor);
        Assert.StartsWith(new Uri(site.Neutral.Address, "/search").ToString(), visitor.Page.Url);
    }

    [Fact]
    public async Task NorwegianPage_LeavesTheSameWay_AndCountsDownInNorwegian()
    {
        await using var visitor = await site.VisitorAsync(Device.Desktop.WithLocale("nb-NO"));
        await ArriveFromASearch(visitor, "/nb/help/no");

        Assert.StartsWith("Forlat siden", (await visitor.Page.Locator("#quick-exit").TextContentAsync())?.Trim());
        await visitor.Page.Keyboard.PressAsync("Shift");
        Assert.Equal("Shift: trykk 2 ganger til for å forlate siden.", await visitor.Page.Locator("#quick-exit-status").TextContentAsync());
        await visitor.Page.Keyboard.PressAsync("Shift");
        await visitor.Page.Keyboard.PressAsync("Shift");
        await visitor.ArrivesAt(site.Neutral.ExitUrl);
    }

    [Fact]
    public async Task ShiftPresses_BrokenByAnotherKey_DoNotLeave()
    {
        await using var visitor = await site.VisitorAsync();
        // The kind page's language filter is a choice now, so the typing happens in the search box.
        await visitor.OpenAsync("/search");
        await visitor.Page.Locator("#q").FocusAsync();

        foreach (var key in new[] { "Shift", "Shift", "KeyE", "Shift", "KeyN", "Shift" })
            await visitor.Page.Keyboard.PressAsync(key);

        Assert.False(await visitor.EvalAsync<bool>("() => document.documentElement.classList.contains('exiting')"));
        Assert.Equal("en", await visitor.Page.Locator("#q").InputValueAsync());
        Assert.StartsWith(site.Url("/search"), visitor.Page.Url);
    }

    [Fact]
    public async Task Exit_StaysInReach_AtTheEndOfALongPage()
    {
        await using var visitor = await site.VisitorAsync(Device.Phone);
        await visitor.OpenAsync("/articles/what-is-self-harm");

        var scrolled = await visitor.EvalAsync<double>("() => { scrollTo(0, document.documentElement.scrollHeight); return scrollY; }");
        var exit = await visitor.EvalJsonAsync<Reach>("""
            () => {
              const r = document.getElementById('quick-exit').getBoundingClientRect();
              const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
              return { top: r.top, bottom: r.bottom, onTop: !!hit && !!hit.closest('#quick-exit') };
            }
            """);

        Assert.True(scrolled > 2 * Device.Phone.Height, $"The article should be long enough to scroll; scrolled {scrolled}px");
        Assert.True(exit.Top >= 0 && exit.Bottom <= Device.Phone.Height, $"The exit scrolled away: {exit}");
        Assert.True(exit.OnTop, "Something covers the exit");
    }

    [Fact]
    public async Task WithoutJavaScript_ItIsAPlainLinkToTheNeutralSite()
    {
        await using var visitor = await site.VisitorAsync(Device.Desktop.WithoutJavaScript());
        await visitor.OpenAsync("/help/no");

        Assert.Equal(site.Neutral.ExitUrl, await ExitLink(visitor).GetAttributeAsync("href"));
        await ExitLink(visitor).ClickAsync();
        await visitor.ArrivesAt(site.Neutral.ExitUrl);
        Assert.Equal(NeutralSite.Title, await visitor.Page.TitleAsync());
    }

    // A real mouse click on the link. Playwright's locator click would wait for the navigation it starts, which the held
    // neutral page does not finish.
    private static async Task ClickWithoutWaiting(Visitor visitor)
    {
        var box = await ExitLink(visitor).BoundingBoxAsync() ?? throw await visitor.Failure("No visible exit link");
        await visitor.Page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
    }

    // A page restored from the back/forward cache fires no load event, so wait only for the navigation to commit.
    private static async Task GoBack(Visitor visitor) =>
        await visitor.Page.GoBackAsync(new PageGoBackOptions { WaitUntil = WaitUntilState.Commit });

    /// <summary>
    /// Reports how the page looks in the first frame drawn after the exit is clicked. Playwright's evaluate waits for a
    /// navigation in progress to finish, so the page reports through an exposed function instead.
    /// </summary>
    private static async Task<Func<Task<PageState>>> WatchFirstFrameAfterExit(Visitor visitor)
    {
        var seen = new TaskCompletionSource<PageState>(TaskCreationOptions.RunContinuationsAsynchronously);
        await visitor.Page.ExposeFunctionAsync("reportFrameAfterExit", (string json) => seen.TrySetResult(JsonSerializer.Deserialize<PageState>(json, JsonSerializerOptions.Web)!));
        await visitor.Page.EvaluateAsync($$"""
            () => document.getElementById('quick-exit').addEventListener('click', () =>
              requestAnimationFrame(() => reportFrameAfterExit(JSON.stringify(({{Blanked}})()))))
            """);
        return () => seen.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static ILocator ExitLink(Visitor visitor) => visitor.Page.GetByRole(AriaRole.Link, new() { Name = "Exit this page" });

    private async Task ArriveFromASearch(Visitor visitor, string path)
    {
        await visitor.Page.GotoAsync(site.Neutral.ArrivalUrl(new Uri(site.Url(path))));
        await visitor.Page.ClickAsync("#result");
        await visitor.ArrivesAt(site.Url(path));
    }

    private sealed record PageState(bool Shown, string? Centre, string Title);

    private sealed record Reach(double Top, double Bottom, bool OnTop);
}
