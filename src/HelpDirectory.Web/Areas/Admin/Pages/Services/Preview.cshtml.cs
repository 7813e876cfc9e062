using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Editing;
using HelpDirectory.Web.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpDirectory.Web.Areas.Admin.Pages.Services;

public sealed class PreviewModel(ServiceEditor editor, TimeProvider clock) : PageModel
{
    public ServiceDetailView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var service = await editor.LoadAsync(id, ct);
        if (service is null) return NotFound();
        View = ServiceDetailView.For(service, HttpContext.GetRegions(), clock.GetUtcNow(), HttpContext.GetRegion().Most?.TimeZone);
        return Page();
    }
}
