using Microsoft.AspNetCore.Mvc;

namespace HelpDirectory.Web.Articles;

public sealed class FeaturedArticlesViewComponent(ArticleStore articles) : ViewComponent
{
    public IViewComponentResult Invoke() =>
        View(articles.All.Where(a => a.Featured).OrderBy(a => a.Title, StringComparer.Ordinal).ToList());
}
