using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Pages.Help;

public sealed class KindModel(HelpDbContext db, TimeProvider clock) : PageModel
{
    public RegionInfo Country { get; private set; } = null!;
    public RegionInfo? Subdivision { get; private set; }
    public HelpKindInfo Kind { get; private set; } = null!;
    public ListingFilter Filter { get; private set; } = ListingFilter.Parse(new QueryCollection());
    public CardPage Results { get; private set; } = new([], 0, 1, ListingFilter.PageSize);

    public string PlaceName => Subdivision is null ? Country.Name : $"{Subdivision.Name}, {Country.Name}";
    public string PlacePath => RegionPaths.Place(Country, Subdivision);
    public string BasePath => $"{PlacePath}/{Kind.Slug}";

    public async Task<IActionResult> OnGetAsync(string country, string? region, string kind, CancellationToken ct)
    {
        if (!HttpContext.GetRegions().TryFindPlace(country, region, out var c, out var sub) || !HelpKinds.TryParse(kind, out var k)) return NotFound();
        Country = c;
        Subdivision = sub;
        Kind = k;

        Filter = ListingFilter.Parse(Request.Query);
        var query = Filter.Apply(db.Services.AsNoTracking().Published().Where(s => s.Kind == Kind.Kind).ReachingPlace(db.ServiceAreas, Country, Subdivision));
        Results = await query.PageAsync(Country, Subdivision, Filter.Page, Filter.OpenNow, clock.GetUtcNow(), db, ct);
        return Page();
    }

    public string PageLink(int page) => QueryString.Create(Filter.RouteValues(page)) is var qs && qs.HasValue ? BasePath + qs : BasePath;
}
