using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Pages.Services;

public sealed class DetailModel(HelpDbContext db, TimeProvider clock) : PageModel
{
    public ServiceDetailView View { get; private set; } = null!;
    public string? NearYouPath { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken ct)
    {
        // A slug of only spaces is bound as null.
        if (string.IsNullOrWhiteSpace(slug) || slug.Length > 200) return NotFound();
        var service = await db.Services.AsNoTracking().AsSplitQuery()
            .Include(s => s.Organization)
            .Include(s => s.Phones.OrderBy(p => p.SortOrder))
            .Include(s => s.Hours)
            .Include(s => s.Languages)
            .Include(s => s.Areas)
            .Include(s => s.Locations)
            .Include(s => s.Texts)
            .Published()
            .SingleOrDefaultAsync(s => s.Slug == slug, ct);
        if (service is null) return NotFound();
        View = ServiceDetailView.For(service, HttpContext.GetRegions(), clock.GetUtcNow(), HttpContext.GetRegion().Most?.TimeZone);

        if (HttpContext.GetRegion().PlacePath is { } place) NearYouPath = place + "/" + HelpKinds.Get(service.Kind).Slug;
        return Page();
    }
}
