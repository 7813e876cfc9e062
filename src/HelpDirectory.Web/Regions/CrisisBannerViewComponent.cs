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
        RegionSource.Path => "from the page you are on",
        RegionSource.Cookie => "as you chose",
        RegionSource.AcceptLanguage => "from your browser's language settings",
        RegionSource.GeoIp => "from your approximate location",
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
