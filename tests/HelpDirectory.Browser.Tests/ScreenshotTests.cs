using HelpDirectory.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HelpDirectory.Browser.Tests;

/// <summary>
/// Full-page screenshots of every page at desktop and phone widths, and the phone width in dark mode, for people to look
/// at (TestResults/ is git-ignored). One page load per page: the window is resized between shots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserSite site, ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(SitePages.Names), MemberType = typeof(SitePages))]
    public async Task Page_IsCapturedOnADesktopAndAPhone_LightAndDark(string name)
    {
        var spec = SitePages.Get(name);
        Directory.CreateDirectory(site.ScreenshotFolder);
        await using var visitor = await site.VisitorAsync(Device.Desktop.WithLocale(spec.Locale));
        await visitor.OpenAsync(spec.Path, spec.Status);

        await Capture(visitor, $"{spec.Name}-desktop");
        await visitor.Page.SetViewportSizeAsync(Device.Phone.Width, Device.Phone.Height);
        await Capture(visitor, $"{spec.Name}-mobile");
        await visitor.Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        await Capture(visitor, $"{spec.Name}-mobile-dark");
    }

    private async Task Capture(Visitor visitor, string name)
    {
        var file = Path.Combine(site.ScreenshotFolder, name + ".png");
        await visitor.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        Assert.True(new FileInfo(file).Length > 1000, $"Empty screenshot {file}");
        output.WriteLine(file);
    }
}
