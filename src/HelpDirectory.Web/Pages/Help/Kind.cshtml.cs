using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Pages.Help;

public sealed class KindModel(HelpDbContext db, TimeProvider clock) : PageModel
{
    public Place Place { get; private set; } = null!;
    public HelpKindInfo Kind { get; private set; } = null!;
    public ListingFilter Filter { get; private set; } = ListingFilter.Parse(new QueryCollection());
    public CardPage Results { get; private set; } = new([], 0, 1, ListingFilter.PageSize);
    public IReadOnlyList<(string Code, string Name)> LanguageChoices { get; private set; } = [];

    public string BasePath => Place.KindPath(Kind.Slug);

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken ct)
    {
        if (HttpContext.GetPlaceFromPath() is not { } place || !HelpKinds.TryParse(kind, out var k)) return NotFound();
        Place = place;
        Kind = k;

        Filter = ListingFilter.Parse(Request.Query);
        var reaching = db.Services.AsNoTracking().Published().Where(s => s.Kind == Kind.Kind).ReachingPlace(db.ServiceAreas, place);
        var query = Filter.Apply(reaching);
        // The language choice offers the languages of the services the other filters leave.
        LanguageChoices = await ListingFilter.LanguagesOfAsync(Filter.Apply(reaching, byLanguage: false), ct);
        if (Filter.Language is { } chosen && !LanguageChoices.Any(l => l.Code == chosen))
            LanguageChoices = [.. LanguageChoices, (chosen, Languages.Name(chosen))];
        Results = await query.PageAsync(place, Filter, clock.GetUtcNow(), db, ct);
        return Page();
    }

    public string PageLink(int page) => QueryString.Create(Filter.RouteValues(page)) is var qs && qs.HasValue ? BasePath + qs : BasePath;

    /// <summary>The list to print, with this page's filters (every page of it).</summary>
    public string PrintPath => BasePath + "/print" + QueryString.Create(Filter.RouteValues());
}
