using Microsoft.AspNetCore.Mvc;

namespace HelpDirectory.Web.Regions;

public sealed record CrisisBannerModel(
    ResolvedRegion Region,
    IReadOnlyList<CrisisLineInfo> Lines,
    IReadOnlyList<EmergencyNumberInfo> Emergency,
    IReadOnlyList<CrisisLineInfo> International)
{
    public const int LinesShown = 3;

    public string SourceNote => Region.Source switch
    {
        RegionSource.Path => Localization.Text.Get("Banner.Source.Path"),
        RegionSource.Cookie => Localization.Text.Get("Banner.Source.Cookie"),
        RegionSource.AcceptLanguage => Localization.Text.Get("Banner.Source.Browser"),
        RegionSource.GeoIp => Localization.Text.Get("Banner.Source.GeoIp"),
        _ => "",
    };
}

/// <summary>The crisis banner on every page, error pages included, for the request's resolved region.</summary>
public sealed class CrisisBannerViewComponent : ViewComponent
{
    public IViewComponentResult Invoke()
    {
        var region = HttpContext.GetRegion();
        var regions = HttpContext.GetRegions();
        var place = region.Most;
        return View(new CrisisBannerModel(
            region,
            place is null ? [] : regions.CrisisLinesFor(place),
            place is null ? [] : regions.EmergencyNumbersFor(place),
            regions.International));
    }
}
