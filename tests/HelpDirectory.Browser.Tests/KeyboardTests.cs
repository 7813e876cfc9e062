using System.Text.Json;
using HelpDirectory.Browser.Tests.Infrastructure;
using Xunit.Sdk;

namespace HelpDirectory.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserSite site)
{
    [Fact]
    public async Task FirstTab_ShowsSkipLink_WhichMovesFocusToTheMainContent()
    {
        await using var visitor = await site.VisitorAsync();
        await visitor.OpenAsync("/help/no");

        await visitor.Page.Keyboard.PressAsync("Tab");
        var focused = await Focused(visitor);

        Assert.Equal("Skip to content", focused.Text);
        Assert.True(focused.OnScreen && focused.Unobscured, $"The skip link is focused but not visible: {focused.Html}");
        Assert.True(focused.Ring, $"The skip link shows no focus ring: {focused.Html}");

        await visitor.Page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await visitor.EvalAsync<string>("() => document.activeElement.id"));
        await visitor.Page.Keyboard.PressAsync("Tab");
        Assert.True((await Focused(visitor)).InMain, "After the skip link, the next Tab should land inside the main content");
    }

    [Theory]
    [MemberData(nameof(SitePages.Names), MemberType = typeof(SitePages))]
    public async Task Tab_ReachesEveryControl_CrisisLineFirst_WithAVisibleFocusRing_AndNoTrap(string name)
    {
        var spec = SitePages.Get(name);
        await using var visitor = await site.VisitorAsync(Device.Desktop.WithLocale(spec.Locale));
        await visitor.OpenAsync(spec.Path, spec.Status);
        var controls = await visitor.EvalAsync<int>(MarkControls);

        var order = new List<Stop>();
        var complete = false;
        for (var i = 0; i < controls + 10 && !complete; i++)
        {
            await visitor.Page.Keyboard.PressAsync("Tab");
            var stop = await Focused(visitor);
            if (stop.Index is null) continue; // focus left the page for the browser's own controls, then comes back
            complete = order.Count > 0 && stop.Index == order[0].Index;
            if (!complete) order.Add(stop);
        }

        Assert.True(complete, $"Tab never came back round to the first control after {controls + 10} presses: focus is trapped.\n{Path(order)}");
        Assert.Equal(spec.Path.StartsWith("/nb/", StringComparison.Ordinal) ? "Hopp til innholdet" : "Skip to content", order[0].Text);
        var missed = Enumerable.Range(0, controls).Except(order.Select(s => s.Index!.Value)).ToList();
        if (missed.Count > 0)
            throw await visitor.Failure($"Tab never reached control(s) {string.Join(", ", missed)} (data-kb):\n{Path(order)}");
        foreach (var stop in order)
        {
            Assert.True(stop.Ring, $"No visible focus ring on {stop.Html}");
            Assert.True(stop.OnScreen && stop.Unobscured, $"Focused but scrolled away or covered: {stop.Html}");
        }

        var firstCrisisAction = order.FindIndex(s => s.CrisisAction);
        var firstInMain = order.FindIndex(s => s.InMain);
        Assert.True(firstCrisisAction > 0, $"No crisis line link in the tab order:\n{Path(order)}");
        Assert.True(firstInMain < 0 || firstCrisisAction < firstInMain, $"The crisis line comes after the main content:\n{Path(order)}");
    }

    // Numbers every control a keyboard user should be able to reach (visible, enabled, not taken out of the tab order).
    private const string MarkControls = """
        () => {
          const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')];
          // A group of radio buttons is one tab stop (arrow keys move within it), so only its first button counts.
          const seenGroups = new Set();
          const oneStopPerRadioGroup = e => e.type !== 'radio' || (!seenGroups.has(e.name) && seenGroups.add(e.name));
          const controls = all.filter(e => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
            .filter(oneStopPerRadioGroup);
          controls.forEach((e, i) => e.dataset.kb = i);
          return controls.length;
        }
        """;

    private static async Task<Stop> Focused(Visitor visitor)
    {
        var json = await visitor.EvalAsync<JsonElement>("""
            () => {
              const e = document.activeElement;
              if (!e || e === document.body || e === document.documentElement) return { index: null };
              const s = getComputedStyle(e), r = e.getBoundingClientRect();
              const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
              return {
                index: e.dataset.kb === undefined ? -1 : Number(e.dataset.kb),
                text: e.textContent.trim().replace(/\s+/g, ' '),
                html: e.outerHTML.slice(0, 160) + ` [${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)} in ${innerWidth}x${innerHeight}, hit ${hit && hit.outerHTML.slice(0, 60)}]`,
                ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none',
                onScreen: r.width > 0 && r.height > 0 && r.top >= -1 && r.left >= -1 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1,
                unobscured: !!hit && (hit === e || e.contains(hit) || hit.contains(e)),
                inMain: !!e.closest('main'),
                crisisAction: e.matches('.crisis a.action'),
              };
            }
            """);
        return json.Deserialize<Stop>(JsonSerializerOptions.Web)!;
    }

    private static string Path(IEnumerable<Stop> order) => string.Join("\n", order.Select(s => $"  {s.Index}: {s.Html}"));

    private sealed record Stop(int? Index, string Text, string Html, bool Ring, bool OnScreen, bool Unobscured, bool InMain, bool CrisisAction);
}
