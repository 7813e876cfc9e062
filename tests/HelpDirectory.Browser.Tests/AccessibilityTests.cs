using HelpDirectory.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HelpDirectory.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserSite site)
{
    [Theory]
    [MemberData(nameof(SitePages.Names), MemberType = typeof(SitePages))]
    public async Task Page_HasNoWcagViolations_OnADesktopOrAPhone_LightOrDark(string name)
    {
        var spec = SitePages.Get(name);
        await using var visitor = await site.VisitorAsync(Device.Desktop.WithLocale(spec.Locale));
        await visitor.OpenAsync(spec.Path, spec.Status);

        var desktop = await visitor.Page.RunWcagAsync();
        // Same page narrowed to a phone's width: the layout changes, axe stays loaded (loading it costs more than a run).
        await visitor.Page.SetViewportSizeAsync(Device.Phone.Width, Device.Phone.Height);
        var phone = await visitor.Page.RunWcagAsync();
        // The stylesheet follows the system's dark mode (gentler at night); its colours must pass contrast too.
        await visitor.Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        var dark = await visitor.Page.RunWcagAsync();

        Assert.True(desktop.Violations.Length == 0, "At 1280px: " + desktop.Describe());
        Assert.True(phone.Violations.Length == 0, "At 375px: " + phone.Describe());
        Assert.True(dark.Violations.Length == 0, "In dark mode: " + dark.Describe());
        Assert.NotEmpty(desktop.Passes); // axe really ran its rules on this page
    }

    /// <summary>The crisis-line widget other sites frame: its own small page, with no layout, banner or script, so it is
    /// not one of the site's pages above.</summary>
    [Fact]
    public async Task Widget_HasNoWcagViolations_NarrowOrDark()
    {
        await using var visitor = await site.VisitorAsync(Device.Phone);
        await visitor.OpenAsync("/widget/gb/scotland", 200);

        var light = await visitor.Page.RunWcagAsync();
        await visitor.Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        var dark = await visitor.Page.RunWcagAsync();

        Assert.True(light.Violations.Length == 0, light.Describe());
        Assert.True(dark.Violations.Length == 0, "In dark mode: " + dark.Describe());
        Assert.NotEmpty(light.Passes);
    }
}
