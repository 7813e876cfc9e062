using HelpDirectory.Web.Localization;
using HelpDirectory.Web.Regions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace HelpDirectory.Web.Pages;

/// <summary>/api: what the open data is and how to use it, with the widget for the visitor's own region as the example.</summary>
public sealed class OpenDataModel(IStringLocalizer<PageText> text) : PageModel
{
    public string Origin { get; private set; } = "";
    public string WidgetPath { get; private set; } = "";
    public string ExamplePlace { get; private set; } = "";

    public void OnGet()
    {
        Origin = $"{Request.Scheme}://{Request.Host}";
        var place = HttpContext.GetRegion().Place
                    ?? (HttpContext.GetRegions().Find("GB") is { } gb ? new Place(gb, null) : null);
        // The widget in the page's language: a Norwegian page shows, and offers, the Norwegian widget.
        WidgetPath = HttpContext.Href(place is null ? "/widget/gb" : "/widget" + place.Path["/help".Length..]);
        ExamplePlace = place?.Name ?? text["OpenData.ExamplePlace"];
    }
}
