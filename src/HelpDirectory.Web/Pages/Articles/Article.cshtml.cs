using HelpDirectory.Web.Data;
using HelpDirectory.Web.Articles;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Localization;
using HelpDirectory.Web.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpDirectory.Web.Pages.Articles;

/// <summary>An article in the page's language. The address keeps the original's slug in every language (/nb/articles/dbt),
/// so each English address has exactly one twin; an article not yet translated shows the original, marked as such.</summary>
public sealed class ArticleModel(ArticleStore articles) : PageModel
{
    public Article Article { get; private set; } = null!;
    public IReadOnlyList<Article> Related { get; private set; } = [];
    public HelpKindInfo? Kind { get; private set; }
    public ResolvedRegion Region { get; private set; } = ResolvedRegion.International;

    /// <summary>The language the article's words are in, when it is not the page's (an article not yet translated); null
    /// when they match. Written as the lang attribute of its text, so screen readers switch voice.</summary>
    public string? OtherLanguage { get; private set; }

    /// <summary>The references' language when it is not the page's: a translation cites its sources as the original
    /// does.</summary>
    public string? ReferencesLanguage { get; private set; }

    /// <summary>The kind of help near the reader, or the region picker when we do not know where they are.</summary>
    public string NearYouPath => Region.PlacePath is { } place && Kind is not null ? place + "/" + Kind.Slug : "/region";

    public IActionResult OnGet(string? slug)
    {
        var language = HttpContext.GetLanguage().Tag;
        if (articles.Find(slug, language) is not { } article) return NotFound();
        Article = article;
        OtherLanguage = article.Language == language ? null : article.Language;
        ReferencesLanguage = articles.Language == language ? null : articles.Language;
        Kind = article.Kind ?? HelpKinds.Get(HelpKind.Therapy);
        Region = HttpContext.GetRegion();
        Related = articles.In(language)
            .Where(a => a.Slug != article.Slug)
            .Select(a => (Article: a, Score: (a.Section == article.Section ? 2 : 0) + (a.Kind is not null && a.Kind == article.Kind ? 2 : 0) + a.Tags.Intersect(article.Tags).Count()))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Article.Title, StringComparer.Ordinal)
            .Take(3).Select(x => x.Article).ToList();
        return Page();
    }
}
