using System.ComponentModel.DataAnnotations;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Pages.Services;

[EnableRateLimiting(AdminSetup.ReportLimit)]
public sealed class ReportModel(HelpDbContext db, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<(string Value, string Label)> Problems =
    [
        ("wrong-number", "A phone number or link is wrong"),
        ("closed", "The service has closed or moved"),
        ("wrong-hours", "The opening hours are wrong"),
        ("wrong-details", "Something else in the listing is wrong"),
        ("concern", "I am worried about this service"),
    ];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose what is wrong.")] public string Problem { get; set; } = "";
        [StringLength(1000, ErrorMessage = "Please keep it under 1,000 characters.")] public string? Details { get; set; }
        // A field people never see (hidden with CSS and from screen readers); bots fill it in.
        public string? Website { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string ServiceName { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken ct) =>
        await FindAsync(slug, ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string? slug, CancellationToken ct)
    {
        if (await FindAsync(slug, ct) is not { } id) return NotFound();
        if (Problems.All(p => p.Value != Input.Problem)) ModelState.AddModelError("Input.Problem", "Choose what is wrong.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (string.IsNullOrEmpty(Input.Website))
        {
            db.Reports.Add(new Report { ServiceId = id, Problem = Input.Problem, Details = (Input.Details ?? "").Trim(), At = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
        }
        return Redirect(Localization.LanguageHttpContextExtensions.Href(HttpContext, $"/services/{slug}/report?sent=1"));
    }

    private async Task<int?> FindAsync(string? slug, CancellationToken ct)
    {
        // A slug of only spaces is bound as null.
        if (string.IsNullOrWhiteSpace(slug) || slug.Length > 200) return null;
        var service = await db.Services.AsNoTracking().Published().Where(s => s.Slug == slug)
            .Select(s => new { s.Id, s.Name, s.Slug }).SingleOrDefaultAsync(ct);
        if (service is null) return null;
        ServiceName = service.Name;
        Slug = service.Slug;
        Sent = Request.Query["sent"] == "1";
        return service.Id;
    }
}
