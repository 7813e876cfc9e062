using HelpDirectory.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HelpDirectory.Browser.Tests;

/// <summary>
/// Full-page screenshots of every page at desktop and phone widths, and the phone width in dark mode, for people to look
/// at (TestResults/ is git-ignored). Each shot must also show a rendered page: the crisis banner on screen at the top, an
/// image as wide as the window and at least as tall, with the many colours of a styled page (not a blank or unstyled one), and
/// dark mode must change the page's main colour. One page load per page: the window is resized between shots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserSite site, ITestOutputHelper output)
{
    // A blank page is one colour, and unstyled black-on-white text a few hundred greys; our styled pages measured 2,200
    // to 2,900 colours (Debian Chromium, DejaVu fonts).
    private const int FewestColours = 800;

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
        var light = await Capture(visitor, $"{spec.Name}-mobile");
        await visitor.Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        var dark = await Capture(visitor, $"{spec.Name}-mobile-dark");

        Assert.True(light.MostCommonColour != dark.MostCommonColour,
            $"{spec.Name}: dark mode left the page's main colour at #{light.MostCommonColour:x6}");
    }

    private async Task<Png> Capture(Visitor visitor, string name)
    {
        var viewport = visitor.Page.ViewportSize!;
        var banner = visitor.Page.Locator("#crisis");
        await Assertions.Expect(banner).ToBeVisibleAsync();
        var box = await banner.BoundingBoxAsync();
        Assert.True(box is { Height: > 20 } && box.Y < viewport.Height / 2f, $"{name}: the crisis banner is not at the top of the screen ({box?.Y}, {box?.Height})");

        var file = Path.Combine(site.ScreenshotFolder, name + ".png");
        var bytes = await visitor.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        var png = Png.Read(bytes);
        output.WriteLine($"{file}: {png.Width} x {png.Height}, {png.DistinctColours} colours");

        Assert.Equal(viewport.Width, png.Width);
        Assert.True(png.Height >= viewport.Height, $"{name}: {png.Height} px tall, less than the {viewport.Height} px window");
        Assert.True(png.DistinctColours >= FewestColours, $"{name}: only {png.DistinctColours} colours; is the page blank or unstyled? {file}");
        return png;
    }
}
