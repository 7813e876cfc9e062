using HelpDirectory.Web.Regions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpDirectory.Web.Pages;

public sealed class IndexModel : PageModel
{
    public ResolvedRegion Region { get; private set; } = ResolvedRegion.International;
    public IReadOnlyList<RegionInfo> Countries { get; private set; } = [];

    public string? PlacePath => Region.PlacePath;

    public void OnGet()
    {
        Region = HttpContext.GetRegion();
        Countries = HttpContext.GetRegions().Countries;
    }
}
