using HelpDirectory.Web.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpDirectory.Web.Pages;

/// <summary>
/// The crisis lines of one place, small enough to sit in another site's iframe: no layout, no script, no cookies, the
/// place from the address. Framing is allowed for this address only (Hosting/SecurityHeaders.cs).
/// </summary>
public sealed class WidgetModel : PageModel
{
    public Place Place { get; private set; } = null!;
    public IReadOnlyList<CrisisLineInfo> Lines { get; private set; } = [];
    public IReadOnlyList<EmergencyNumberInfo> Emergency { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (HttpContext.GetPlaceFromPath() is not { } place) return NotFound();
        Place = place;
        var regions = HttpContext.GetRegions();
        Lines = regions.CrisisLinesFor(place.Most);
        Emergency = regions.EmergencyNumbersFor(place.Most);
        return Page();
    }
}
