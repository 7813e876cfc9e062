using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Localization;
using HelpDirectory.Web.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpDirectory.Web.Pages.Help;

/// <summary>A list to print or keep: the place's crisis and emergency numbers, then every listing (of one kind, or of
/// all kinds) with its numbers and addresses written out, for a waiting room wall or a patient's pocket.</summary>
public sealed class PrintModel(HelpDbContext db, TimeProvider clock, IOptions<SiteOptions> site) : PageModel
{
    // Paper is finite (and the page keeps to the 30 KB budget); a longer list says where to find the rest.
    public const int MaxListings = 25;

    public Place Place { get; private set; } = null!;
    public HelpKindInfo? Kind { get; private set; }
    public IReadOnlyList<CrisisLineInfo> Lines { get; private set; } = [];
    public IReadOnlyList<EmergencyNumberInfo> Emergency { get; private set; } = [];
    public IReadOnlyList<PrintedListing> Listings { get; private set; } = [];
    public int Total { get; private set; }
    public DateOnly PrintedOn { get; private set; }

    /// <summary>The kind page's filters, when it links here with them: the printed list is the list the visitor saw.</summary>
    public ListingFilter Filter { get; private set; } = ListingFilter.Parse(new QueryCollection());

    /// <summary>The filters in words, for the printed page.</summary>
    public IReadOnlyList<string> FilterWords => [
        .. Vocabulary.Labels(Vocabulary.Contact, Filter.Contact).Select(t => t.Label),
        .. Vocabulary.Labels(Vocabulary.Audience, Filter.Audience).Select(t => t.Label),
        .. Vocabulary.Labels(Vocabulary.Approach, Filter.Approach).Select(t => t.Label),
        .. Filter.Language is { } language ? [Languages.Name(language)] : Array.Empty<string>(),
        .. Filter.FreeOnly ? [Text.Get("Print.Filter.Free")] : Array.Empty<string>(),
        .. Filter.OpenNow ? [Text.Get("Print.Filter.OpenWhenPrinted")] : Array.Empty<string>(),
    ];

    public string OnlinePath => (Kind is null ? Place.Path : Place.KindPath(Kind.Slug)) + QueryString.Create(Filter.RouteValues());
    /// <summary>The list on the site, in the language it was printed in.</summary>
    public string OnlineAddress => site.Value.Address(Request, HttpContext.Href(OnlinePath));

    public sealed record PrintedListing(Service Service, Reach Reach, string Hours, string? ZoneLabel);

    public async Task<IActionResult> OnGetAsync(string? kind, CancellationToken ct)
    {
        if (HttpContext.GetPlaceFromPath() is not { } place) return NotFound();
        if (kind is not null)
        {
            if (!HelpKinds.TryParse(kind, out var k)) return NotFound();
            Kind = k;
        }
        Place = place;
        var regions = HttpContext.GetRegions();
        Lines = regions.CrisisLinesFor(place.Most);
        Emergency = regions.EmergencyNumbersFor(place.Most);
        var now = clock.GetUtcNow();
        PrintedOn = OpeningHours.LocalDate(place.Most.TimeZone, now);

        Filter = ListingFilter.Parse(Request.Query);
        var reaching = Filter.Apply(db.Services.AsNoTracking().Published().ReachingPlace(db.ServiceAreas, place));
        if (Kind is { } only) reaching = reaching.Where(s => s.Kind == only.Kind);
        if (Filter.OpenNow) reaching = await reaching.OpenAtAsync(now, ct);
        var order = await reaching.ToCards(place).Select(c => new { c.Id, c.Reach }).ToListAsync(ct);
        Total = order.Count;
        var ids = order.Take(MaxListings).Select(o => o.Id).ToList();
        var services = (await db.Services.AsNoTracking().AsSplitQuery()
            .Include(s => s.Organization).Include(s => s.Phones).Include(s => s.Hours).Include(s => s.Languages).Include(s => s.Locations)
            .Include(s => s.Texts)
            .Where(s => ids.Contains(s.Id)).ToListAsync(ct)).ToDictionary(s => s.Id);
        Listings = order.Take(MaxListings).Where(o => services.ContainsKey(o.Id)).Select(o =>
        {
            var s = services[o.Id];
            s.Phones.Sort((a, b) => a.SortOrder.CompareTo(b.SortOrder));
            return new PrintedListing(s, o.Reach, OpeningHours.Week(s.Is24x7, s.Hours), s.Is24x7 || s.Hours.Count == 0 ? null : OpeningHours.ZoneLabel(s.TimeZone, place.Most.TimeZone, now));
        }).ToList();
        return Page();
    }
}
