using System.Text.Json;
using HelpDirectory.Browser.Tests.Infrastructure;

namespace HelpDirectory.Browser.Tests;

/// <summary>
/// WCAG 1.4.10 (reflow) and 1.4.4 (resize text): a 320 CSS pixel wide phone, and a 1280 x 720 desktop window at 200%
/// zoom, which Chrome lays out as a 640 x 360 CSS pixel viewport with two device pixels per CSS pixel.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SmallScreenTests(BrowserSite site)
{
    public static TheoryData<string, string> PagesAndScreens()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in SitePages.All)
        {
            data.Add(page.Name, Device.Narrow.Name);
            data.Add(page.Name, Device.Zoom200.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndScreens))]
    public async Task Page_FitsTheWidth_WithTheCrisisLineOnTheFirstScreen(string name, string screen)
    {
        var spec = SitePages.Get(name);
        var device = (screen == Device.Narrow.Name ? Device.Narrow : Device.Zoom200).WithLocale(spec.Locale);
        await using var visitor = await site.VisitorAsync(device);
        await visitor.OpenAsync(spec.Path, spec.Status);

        var layout = (await visitor.EvalAsync<JsonElement>("""
            () => {
              const root = document.documentElement;
              const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
                .map(e => e.outerHTML.slice(0, 120));
              const box = sel => { const e = document.querySelector(sel); if (!e) return null; const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; };
              return {
                scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: wide.slice(0, 5),
                heading: box('.crisis h2'), action: box('.crisis .action'), height: innerHeight,
              };
            }
            """)).Deserialize<Layout>(JsonSerializerOptions.Web)!;

        Assert.True(layout.ScrollWidth <= layout.ClientWidth,
            $"{spec.Path} scrolls sideways at {screen}: {layout.ScrollWidth}px of content in {layout.ClientWidth}px. Too wide:\n{string.Join("\n", layout.Wide)}");
        Assert.NotNull(layout.Heading);
        Assert.NotNull(layout.Action);
        Assert.True(layout.Heading.Top >= 0 && layout.Action.Bottom <= layout.Height,
            $"At {screen} the crisis banner's first call link ends at {layout.Action.Bottom}px, below the first screen ({layout.Height}px)");
    }

    private sealed record Box(double Top, double Bottom);

    private sealed record Layout(double ScrollWidth, double ClientWidth, IReadOnlyList<string> Wide, Box? Heading, Box? Action, double Height);
}
