using HelpDirectory.Web.Articles;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Pages;

/// <summary>One search over listings and articles. The search term is never logged or stored.</summary>
public sealed class SearchModel(HelpDbContext db, ArticleStore articles, TimeProvider clock) : PageModel
{
    public const int MaxLength = 100;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }

    public IReadOnlyList<Article> Articles { get; private set; } = [];
    public CardPage Listings { get; private set; } = new([], 0, 1, ListingFilter.PageSize);
    public ResolvedRegion Region { get; private set; } = ResolvedRegion.International;
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Region = HttpContext.GetRegion();
        var terms = (Query ?? "").Trim();
        if (terms.Length == 0) return;
        if (terms.Length > MaxLength)
        {
            Problem = $"Please use fewer than {MaxLength} characters.";
            return;
        }
        var words = terms.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6).Select(w => w.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)).Where(w => w.Length > 0).ToList();

        Articles = articles.All
            .Select(a => (Article: a, Score: words.Sum(w => (a.Title.Contains(w, StringComparison.OrdinalIgnoreCase) ? 3 : 0)
                + (a.Summary.Contains(w, StringComparison.OrdinalIgnoreCase) ? 2 : 0) + (a.Tags.Any(t => t.Contains(w, StringComparison.OrdinalIgnoreCase)) ? 1 : 0))))
            .Where(x => x.Score > 0).OrderByDescending(x => x.Score).ThenBy(x => x.Article.Title, StringComparer.Ordinal)
            .Take(10).Select(x => x.Article).ToList();

        var services = db.Services.AsNoTracking().Published();
        foreach (var word in words)
        {
            var pattern = $"%{word}%";
            services = services.WhereAnyLike(db.Database, pattern, s => s.Name, s => s.Organization!.Name, s => s.Description);
        }
        // Where we know the visitor's region, only what reaches them; otherwise everything that matches.
        if (Region.Place is { } place) services = services.ReachingPlace(db.ServiceAreas, place);
        Listings = await services.PageAsync(Region.Place, filter: null, clock.GetUtcNow(), db, ct);
    }
}
