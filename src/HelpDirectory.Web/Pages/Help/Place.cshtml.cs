using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Pages.Help;

public sealed class PlaceModel(HelpDbContext db, TimeProvider clock) : PageModel
{
    public Place Place { get; private set; } = null!;
    public IReadOnlyList<RegionInfo> Subdivisions { get; private set; } = [];
    public IReadOnlyList<CrisisLineInfo> Lines { get; private set; } = [];
    public IReadOnlyList<EmergencyNumberInfo> Emergency { get; private set; } = [];
    public IReadOnlyDictionary<HelpKind, int> Counts { get; private set; } = new Dictionary<HelpKind, int>();
    public CardPage Helplines { get; private set; } = new([], 0, 1, ListingFilter.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The region middleware has already read the address; a page of an unknown place is not found.
        if (HttpContext.GetPlaceFromPath() is not { } place) return NotFound();
        Place = place;
        var regions = HttpContext.GetRegions();
        Subdivisions = regions.SubdivisionsOf(place.Country.CountryCode);
        Lines = regions.CrisisLinesFor(place.Most);
        Emergency = regions.EmergencyNumbersFor(place.Most);

        var reaching = db.Services.AsNoTracking().Published().ReachingPlace(db.ServiceAreas, place);
        Counts = await reaching.GroupBy(s => s.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Helplines = await reaching.Where(s => s.Kind == HelpKind.Helplines).PageAsync(place, filter: null, clock.GetUtcNow(), db, ct);
        return Page();
    }
}
