using HelpDirectory.Web.Localization;
using HelpDirectory.Web.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace HelpDirectory.Web.Pages;

/// <summary>
/// The language links on every page: keeps the visitor's choice in the one cookie (beside their region), then shows the
/// page they were on in that language. A plain link, so it works without JavaScript; search engines find each version by
/// its own address (hreflang), not through here.
/// </summary>
[OutputCache(NoStore = true)]
public sealed class LanguageModel(SiteLanguages languages, IOptions<RegionOptions> options) : PageModel
{
    public IActionResult OnGet(string tag, [FromQuery(Name = "return")] string? returnTo)
    {
        if (languages.Find(tag) is not { } language) return NotFound();
        ChoiceCookie.Save(HttpContext, region: null, language: language.Tag, options.Value.CookieDays);
        return Redirect(language.PathBase + LocalPath(returnTo));
    }

    /// <summary>The page to go back to: an address of this site, without a language prefix, that a Location header can
    /// carry; the home page otherwise.</summary>
    internal static string LocalPath(string? path) => LocalPaths.CanRedirectTo(path) ? path! : "/";
}
