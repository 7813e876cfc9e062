using HelpDirectory.Browser.Tests.Infrastructure;

namespace HelpDirectory.Browser.Tests;

/// <summary>
/// WCAG 1.4.10 (reflow) and 1.4.4 (resize text): a 320 CSS pixel wide phone, and a 1280 x 720 desktop window at 200%
/// zoom, which Chrome lays out as a 640 x 360 CSS pixel viewport with two device pixels per CSS pixel.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SmallScreenTests(BrowserSite site)
{
    [Theory]
    [MemberData(nameof(SitePages.Names), MemberType = typeof(SitePages))]
    public async Task Page_FitsTheWidth_WithTheExitAndTheCrisisLineOnTheFirstScreen(string name)
    {
        var spec = SitePages.Get(name);
        // Both screens have two device pixels per CSS pixel, so one browser context serves both; the window is resized.
        await using var visitor = await site.VisitorAsync(Device.Narrow.WithLocale(spec.Locale));
        await visitor.OpenAsync(spec.Path, spec.Status);
        await AssertFits(visitor, spec, Device.Narrow);

        await visitor.Page.SetViewportSizeAsync(Device.Zoom200.Width, Device.Zoom200.Height);
        await AssertFits(visitor, spec, Device.Zoom200);
    }

    private static async Task AssertFits(Visitor visitor, SitePages.SitePage spec, Device screen)
    {
        await visitor.EvalAsync<int>("() => { scrollTo(0, 0); return 0; }");
        var layout = await visitor.EvalJsonAsync<Layout>("""
            () => {
              const root = document.documentElement;
              const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
                .map(e => e.outerHTML.slice(0, 120));
              const box = sel => { const e = document.querySelector(sel); if (!e) return null; const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; };
              const exit = document.getElementById('quick-exit').getBoundingClientRect();
              return {
                scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: wide.slice(0, 5),
                heading: box('.crisis h2'), action: box('.crisis .action'), height: innerHeight,
                exit: { top: exit.top, bottom: exit.bottom, right: exit.right, height: exit.height },
              };
            }
            """);

        Assert.True(layout.ScrollWidth <= layout.ClientWidth,
            $"{spec.Path} scrolls sideways at {screen.Name}: {layout.ScrollWidth}px of content in {layout.ClientWidth}px. Too wide:\n{string.Join("\n", layout.Wide)}");
        Assert.NotNull(layout.Heading);
        Assert.NotNull(layout.Action);
        Assert.True(layout.Heading.Top >= 0 && layout.Action.Bottom <= layout.Height,
            $"At {screen.Name} the crisis banner's first call link ends at {layout.Action.Bottom}px, below the first screen ({layout.Height}px)");
        // "Exit this page" in the same place on every page: top right, above the banner, a large target.
        Assert.True(layout.Exit.Bottom <= layout.Heading.Top, $"At {screen.Name} the exit is not above the crisis banner");
        Assert.True(layout.Exit.Right >= layout.ClientWidth - 40, $"At {screen.Name} the exit is not at the right: it ends at {layout.Exit.Right}px");
        Assert.True(layout.Exit.Height >= 44, $"At {screen.Name} the exit is {layout.Exit.Height}px tall");
    }

    private sealed record Box(double Top, double Bottom, double Right = 0, double Height = 0);

    private sealed record Layout(double ScrollWidth, double ClientWidth, IReadOnlyList<string> Wide, Box? Heading, Box? Action, double Height, Box Exit);
}
