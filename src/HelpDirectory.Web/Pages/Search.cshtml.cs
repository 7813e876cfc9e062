using HelpDirectory.Web.Articles;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Regions;
using HelpDirectory.Web.Searching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Pages;

/// <summary>One search over listings and articles, through the in-memory full-text index. The search term is never
/// logged or stored.</summary>
public sealed class SearchModel(HelpDbContext db, ArticleStore articles, SearchIndex index, TimeProvider clock, CrisisQueries crisis) : PageModel
{
    public const int MaxLength = 100;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }

    public sealed record ArticleResult(Article Article, string SnippetHtml);

    public IReadOnlyList<ArticleResult> Articles { get; private set; } = [];
    public CardPage Listings { get; private set; } = new([], 0, 1, ListingFilter.PageSize);
    public ResolvedRegion Region { get; private set; } = ResolvedRegion.International;
    /// <summary>The search was longer than <see cref="MaxLength"/>: the page says so rather than searching.</summary>
    public bool TooLong { get; private set; }

    /// <summary>Set when the search shows the visitor may be in danger: the page puts the crisis lines first.</summary>
    public CrisisBannerModel? Crisis { get; private set; }

    public bool NothingFound => Listings.Total == 0 && Articles.Count == 0;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Region = HttpContext.GetRegion();
        var terms = (Query ?? "").Trim();
        if (terms.Length == 0) return;
        if (crisis.Matches(terms))
        {
            var regions = HttpContext.GetRegions();
            Crisis = new CrisisBannerModel(Region, Region.Most is { } most ? regions.CrisisLinesFor(most) : [],
                Region.Most is { } here ? regions.EmergencyNumbersFor(here) : [], regions.International);
        }
        if (terms.Length > MaxLength)
        {
            TooLong = true;
            return;
        }

        var found = await index.SearchAsync(terms, ct);
        var bySlug = articles.All.ToDictionary(a => a.Slug);
        Articles = found.Articles.Where(h => bySlug.ContainsKey(h.ArticleSlug)).Select(h => new ArticleResult(bySlug[h.ArticleSlug], h.SnippetHtml)).ToList();

        // The index ranks; the database decides what is published and reaches the visitor. Where the region is known,
        // only what reaches it, local before national before online; otherwise everything that matches, best first.
        var hits = found.Services.Select((h, rank) => (h, rank)).ToDictionary(x => x.h.ServiceId, x => (x.h, x.rank));
        var ids = hits.Keys.ToList();
        var services = db.Services.AsNoTracking().Published().Where(s => ids.Contains(s.Id));
        if (Region.Place is { } place) services = services.ReachingPlace(db.ServiceAreas, place);
        var cards = (await services.ToCards(Region.Place).ToListAsync(ct))
            .OrderBy(c => Region.Place is null ? Reach.Local : c.Reach).ThenBy(c => hits[c.Id].rank)
            .Select(c => c with { SnippetHtml = hits[c.Id].h.SnippetHtml }).ToList();
        var shown = await cards.Take(ListingFilter.PageSize).ToList().CompleteAsync(Region.Place, clock.GetUtcNow(), db, ct);
        Listings = new CardPage(shown, cards.Count, 1, ListingFilter.PageSize);
    }
}
