using HelpDirectory.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HelpDirectory.Browser.Tests;

/// <summary>Full-page screenshots of every page on a phone and a desktop (and a phone in dark mode), for people to look at (TestResults/ is git-ignored).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserSite site, ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(SitePages.Names), MemberType = typeof(SitePages))]
    public async Task Page_IsCapturedOnAPhoneAndADesktop_AndInDarkMode(string name)
    {
        var spec = SitePages.Get(name);
        Directory.CreateDirectory(site.ScreenshotFolder);
        foreach (var (device, scheme) in new[] { (Device.Phone, ColorScheme.Light), (Device.Desktop, ColorScheme.Light), (Device.Phone, ColorScheme.Dark) })
        {
            await using var visitor = await site.VisitorAsync(device.WithLocale(spec.Locale));
            await visitor.Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = scheme });
            await visitor.OpenAsync(spec.Path, spec.Status);
            var file = Path.Combine(site.ScreenshotFolder, $"{spec.Name}-{device.Name}{(scheme == ColorScheme.Dark ? "-dark" : "")}.png");

            await visitor.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Animations = ScreenshotAnimations.Disabled });

            Assert.True(new FileInfo(file).Length > 1000, $"Empty screenshot {file}");
            output.WriteLine(file);
        }
    }
}
