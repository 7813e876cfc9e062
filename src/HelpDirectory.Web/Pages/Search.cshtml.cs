using System.Globalization;
using HelpDirectory.Web.Articles;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Localization;
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
    /// <summary>Results per page: ten cards and the first page's articles keep a page of results within the page budget.</summary>
    public const int PageSize = 10;

    public const int MaxLength = 100;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }

    public sealed record ArticleResult(Article Article, string SnippetHtml);

    public IReadOnlyList<ArticleResult> Articles { get; private set; } = [];

    /// <summary>The page's services that reach the visitor's region (all of them, when no region is known); the total is
    /// of every page.</summary>
    public CardPage Listings { get; private set; } = new([], 0, 1, PageSize);

    /// <summary>The page's services that match but do not reach the visitor's region, which come after the rest.</summary>
    public CardPage Elsewhere { get; private set; } = new([], 0, 1, PageSize);

    public Pagination Pages { get; private set; } = Pagination.One;
    public ResolvedRegion Region { get; private set; } = ResolvedRegion.International;
    /// <summary>The search was longer than <see cref="MaxLength"/>: the page says so rather than searching.</summary>
    public bool TooLong { get; private set; }

    /// <summary>Set when the search shows the visitor may be in danger: the page puts the crisis lines first.</summary>
    public CrisisBannerModel? Crisis { get; private set; }

    public bool NothingFound => Listings.Total == 0 && Elsewhere.Total == 0 && Articles.Count == 0;

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

        // A page number that is not one (or is past the last page) shows the nearest page there is, never an error.
        var asked = int.TryParse(Request.Query["page"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        var place = Region.Place is { } p ? new SearchPlace(p.Country.CountryCode, p.Subdivision?.Code) : null;
        var found = await index.SearchAsync(terms, place, asked, PageSize, ct);
        Pages = new Pagination(found.Page, found.Pages, PageLink);
        if (found.Page == 1)
        {
            // The articles as read in the page's language, with their snippets from that text.
            var language = HttpContext.GetLanguage().Tag;
            Articles = found.Articles.Where(h => h.Language == language)
                .Select(h => articles.Find(h.Slug, language) is { } a ? new ArticleResult(a, h.SnippetHtml) : null)
                .OfType<ArticleResult>().Take(10).ToList();
        }

        // The index finds and orders; the database gives the shown page's cards, by key. The index holds published
        // listings only and is rebuilt on the first search after any save, so the cards are not filtered on status
        // again: on SQLite that filter made the query read every published listing's index entry, not twenty rows.
        var ids = found.Services.Select(h => h.ServiceId).ToList();
        var cards = ids.Count == 0 ? [] : (await db.Services.AsNoTracking().Where(s => ids.Contains(s.Id))
            .ToCards(Region.Place).ToListAsync(ct)).ToDictionary(c => c.Id);
        var shown = found.Services.Where(h => cards.ContainsKey(h.ServiceId))
            .Select(h => cards[h.ServiceId] with { Reach = h.Reach, SnippetHtml = found.Snippet(cards[h.ServiceId].Description) }).ToList();
        shown = await shown.CompleteAsync(Region.Place, clock.GetUtcNow(), db, ct);
        Listings = new CardPage(shown.Where(c => c.Reach != Reach.Elsewhere).ToList(), found.Reaching, found.Page, PageSize);
        Elsewhere = new CardPage(shown.Where(c => c.Reach == Reach.Elsewhere).ToList(), found.Elsewhere, found.Page, PageSize);
    }

    public string PageLink(int page) => page <= 1
        ? $"/search{QueryString.Create("q", Query ?? "")}"
        : $"/search{QueryString.Create(new Dictionary<string, string?> { ["q"] = Query ?? "", ["page"] = page.ToString(CultureInfo.InvariantCulture) })}";
}
