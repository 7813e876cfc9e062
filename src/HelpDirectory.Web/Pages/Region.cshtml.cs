using HelpDirectory.Web.Localization;
using HelpDirectory.Web.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace HelpDirectory.Web.Pages;

// The picker's POST carries no antiforgery token on purpose: a token needs a second cookie, and the region choice is the
// only cookie a visitor gets. Cross-site posts are refused by their Origin / Sec-Fetch-Site headers instead, and the worst
// a forged post could do is change which crisis lines are shown, to another region's real ones.
[IgnoreAntiforgeryToken]
[OutputCache(NoStore = true)] // it shows whether this visitor has saved a region, and its POST sets the cookie
public sealed class RegionModel(IOptions<RegionOptions> options, SiteLanguages languages) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "country")]
    public string? CountrySlug { get; set; }

    [BindProperty(Name = "region")]
    public string? RegionCode { get; set; }

    /// <summary>The language chosen with the region; the page's own language when the form has none.</summary>
    [BindProperty(Name = "language")]
    public string? LanguageTag { get; set; }

    public IReadOnlyList<RegionInfo> Countries { get; private set; } = [];
    public RegionInfo? Country { get; private set; }
    public IReadOnlyList<RegionInfo> Subdivisions { get; private set; } = [];
    public string? Problem { get; private set; }

    public void OnGet() => Load();

    public IActionResult OnPost()
    {
        if (IsCrossSite()) return BadRequest();
        var regions = HttpContext.GetRegions();
        var chosen = RegionResolver.FromCode(regions, RegionCode);
        if (chosen?.Most is not { } place)
        {
            Problem = Text.Get("Region.Problem");
            Load();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (languages.Find(LanguageTag) is { } language)
        {
            ChoiceCookie.Save(HttpContext, place.Code, language.Tag, options.Value.CookieDays);
            return Redirect(language.PathBase + chosen.PlacePath);
        }
        RegionCookie.Save(HttpContext, place, options);
        return Redirect(HttpContext.Href(chosen.PlacePath!));
    }

    public IActionResult OnPostForget()
    {
        if (IsCrossSite()) return BadRequest();
        RegionCookie.Forget(HttpContext, options);
        return Redirect(HttpContext.Href("/region?forgotten=1"));
    }

    private void Load()
    {
        var regions = HttpContext.GetRegions();
        Countries = regions.Countries;
        Country = regions.FindCountryBySlug(CountrySlug) ?? HttpContext.GetRegion().Country;
        Subdivisions = Country is null ? [] : regions.SubdivisionsOf(Country.CountryCode);
    }

    private bool IsCrossSite()
    {
        if (Request.Headers.TryGetValue("Sec-Fetch-Site", out var site) && site == "cross-site") return true;
        var origin = Request.Headers.Origin.ToString();
        return origin.Length > 0 && origin != "null" &&
               !string.Equals(origin, $"{Request.Scheme}://{Request.Host}", StringComparison.OrdinalIgnoreCase);
    }
}
