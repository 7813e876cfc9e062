using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Pages.Help;

public sealed class PlaceModel(HelpDbContext db, TimeProvider clock) : PageModel
{
    public RegionInfo Country { get; private set; } = null!;
    public RegionInfo? Subdivision { get; private set; }
    public IReadOnlyList<RegionInfo> Subdivisions { get; private set; } = [];
    public IReadOnlyList<CrisisLineInfo> Lines { get; private set; } = [];
    public IReadOnlyList<EmergencyNumberInfo> Emergency { get; private set; } = [];
    public IReadOnlyDictionary<HelpKind, int> Counts { get; private set; } = new Dictionary<HelpKind, int>();
    public CardPage Helplines { get; private set; } = new([], 0, 1, ListingFilter.PageSize);

    public string PlaceName => Subdivision is null ? Country.Name : $"{Subdivision.Name}, {Country.Name}";
    public string BasePath => RegionPaths.Place(Country, Subdivision);

    public async Task<IActionResult> OnGetAsync(string country, string? region, CancellationToken ct)
    {
        var regions = HttpContext.GetRegions();
        if (!regions.TryFindPlace(country, region, out var c, out var sub)) return NotFound();
        Country = c;
        Subdivision = sub;
        var place = Subdivision ?? Country;
        Subdivisions = regions.SubdivisionsOf(Country.CountryCode);
        Lines = regions.CrisisLinesFor(place);
        Emergency = regions.EmergencyNumbersFor(place);

        var reaching = db.Services.AsNoTracking().Published().ReachingPlace(db.ServiceAreas, Country, Subdivision);
        Counts = await reaching.GroupBy(s => s.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Helplines = await reaching.Where(s => s.Kind == HelpKind.Helplines)
            .PageAsync(Country, Subdivision, 1, openNowOnly: false, clock.GetUtcNow(), db, ct);
        return Page();
    }
}
