using HelpDirectory.Web.Regions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpDirectory.Web.Pages;

/// <summary>/api: what the open data is and how to use it, with the widget for the visitor's own region as the example.</summary>
public sealed class OpenDataModel : PageModel
{
    public string Origin { get; private set; } = "";
    public string WidgetPath { get; private set; } = "";
    public string ExamplePlace { get; private set; } = "";

    public void OnGet()
    {
        Origin = $"{Request.Scheme}://{Request.Host}";
        var place = HttpContext.GetRegion().Place
                    ?? (HttpContext.GetRegions().Find("GB") is { } gb ? new Place(gb, null) : null);
        WidgetPath = place is null ? "/widget/gb" : "/widget" + place.Path["/help".Length..];
        ExamplePlace = place?.Name ?? "the United Kingdom";
    }
}
