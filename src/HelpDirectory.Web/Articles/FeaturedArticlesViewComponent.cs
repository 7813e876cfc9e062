using System.Globalization;
using HelpDirectory.Web.Localization;
using Microsoft.AspNetCore.Mvc;

namespace HelpDirectory.Web.Articles;

public sealed class FeaturedArticlesViewComponent(ArticleStore articles) : ViewComponent
{
    public IViewComponentResult Invoke() =>
        View(articles.In(HttpContext.GetLanguage().Tag)
            .Where(a => a.Featured)
            .OrderBy(a => a.Title, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: false))
            .ToList());
}
